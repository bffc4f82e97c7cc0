import { posix } from 'node:path'
import type { Publication } from '../../package/index.ts'
import { addManifestItem, editPackage, folderOf, insertEntry, isXhtml, mapTextEntries, readPackage } from '../publication.ts'
import type { Transform } from '../types.ts'
import { findElement, parseXml, serializeXml } from '../xml.ts'

/**
 * Kobo's night mode inverts the page but keeps link colours, so blue links
 * turn unreadable: links take the text colour and are marked by an
 * underline instead. Note references stay small superscripts, without the
 * underline. `#book-inner` loses the margins Kobo's own style adds there.
 */
export const KOBO_CSS = `@charset "utf-8";
@namespace epub "http://www.idpf.org/2007/ops";

a:link,
a:visited {
  color: inherit;
  text-decoration: underline;
}

a[epub|type~="noteref"] {
  text-decoration: none;
  font-size: 0.75em;
  vertical-align: super;
  line-height: 0;
}

div#book-inner {
  margin-top: 0;
  margin-bottom: 0;
}
`

export const koboStyle: Transform = {
  id: 'kobo-style',
  summary: 'adds `css/kobo.css`, linked from every page: links in the text colour with an underline (readable in night mode), small superscript note references, no extra margins on `#book-inner`',
  apply(publication: Publication): Publication {
    const pkg = readPackage(publication)
    const cssPath = posix.join(folderOf(publication.opfPath), 'css/kobo.css')
    let result = insertEntry(publication, { path: cssPath, data: KOBO_CSS }, pkg.manifest.filter((item) => item.mediaType === 'text/css').at(-1)?.path)
    result = editPackage(result, (tree) => addManifestItem(tree, { id: 'css-kobo', href: 'css/kobo.css', mediaType: 'text/css' }))
    return mapTextEntries(result, isXhtml, (text, path) => {
      const tree = parseXml(text)
      const head = findElement(tree, (element) => element.name === 'head')
      head?.children.push({
        type: 'element',
        name: 'link',
        attributes: { rel: 'stylesheet', type: 'text/css', href: posix.relative(folderOf(path), cssPath) },
        children: [],
      }, { type: 'text', value: '\n' })
      return serializeXml(tree)
    })
  },
}
