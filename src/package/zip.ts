import JSZip from 'jszip'

export interface ZipEntry {
  path: string
  data: string | Uint8Array
}

/**
 * A byte-reproducible EPUB container (OCF): `mimetype` first and stored,
 * then the entries in the order given, every one with the same time, no
 * extra fields, deflated at one fixed level.
 */
export async function zipEpub(entries: ZipEntry[], date: Date): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('mimetype', 'application/epub+zip', { date, compression: 'STORE', createFolders: false })
  for (const entry of entries) {
    zip.file(entry.path, entry.data, { date, createFolders: false })
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'DOS',
    streamFiles: false,
  })
}
