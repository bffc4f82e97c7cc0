// The preview page: opens /book.epub in foliate-js and, when the preview
// server says the book was rebuilt (server-sent events on /events), opens the
// new one at the same section. Build errors are shown over the page.
// `window.colophonReader` is what the tests drive.
import '/foliate-js/view.js'

const reader = document.getElementById('reader')
const tocSelect = document.getElementById('toc')
const status = document.getElementById('status')
const errors = document.getElementById('errors')

let view
let generation = 0

const flatten = (items, depth = 0) =>
  (items ?? []).flatMap((item) => [{ label: item.label.trim(), href: item.href, depth }, ...flatten(item.subitems, depth + 1)])

/** Text of the section(s) on display, with image alternatives in brackets. */
function shownText() {
  return view.renderer.getContents().map(({ doc }) => {
    const images = [...doc.querySelectorAll('img[alt], [role="img"][aria-label]')]
      .map((image) => image.getAttribute('alt') || image.getAttribute('aria-label'))
    return [doc.body?.innerText ?? '', ...images.map((text) => `[${text}]`)].join('\n')
  }).join('\n')
}

function currentIndex() {
  return view?.renderer?.getContents?.()[0]?.index
}

async function openBook(keepPlace) {
  const place = keepPlace ? currentIndex() : undefined
  const response = await fetch('/book.epub', { cache: 'no-store' })
  if (!response.ok) throw new Error(`Could not load the book: ${response.status} ${response.statusText}`)
  const name = response.headers.get('x-book-name') || 'book.epub'
  const file = new File([await response.blob()], name, { type: 'application/epub+zip' })
  const next = document.createElement('foliate-view')
  next.addEventListener('relocate', (event) => {
    const item = event.detail.tocItem
    if (item?.label) status.textContent = item.label.trim()
    if (item?.href && [...tocSelect.options].some((option) => option.value === item.href)) tocSelect.value = item.href
  })
  await next.open(file)
  view?.close()
  view?.remove()
  view = next
  reader.append(view)
  if (place !== undefined && place < view.book.sections.length) await view.goTo(place)
  else await view.init({ showTextStart: false })
  tocSelect.replaceChildren(...flatten(view.book.toc).map(({ label, href, depth }) => {
    const option = document.createElement('option')
    option.value = href
    option.textContent = `${'\u2003'.repeat(depth)}${label}`
    return option
  }))
  document.title = `${view.book.metadata?.title ?? name} · colophon preview`
  generation++
  document.body.dataset.generation = String(generation)
}

function showErrors(text) {
  errors.textContent = text
  errors.hidden = !text
  document.body.dataset.error = text ? 'true' : 'false'
}

tocSelect.addEventListener('change', () => view?.goTo(tocSelect.value))
document.getElementById('prev').addEventListener('click', () => view?.prev())
document.getElementById('next').addEventListener('click', () => view?.next())
document.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowLeft') view?.prev()
  if (event.key === 'ArrowRight') view?.next()
})

// Opens run one after another, so a quick second save waits for the first.
let queue = Promise.resolve()
const enqueue = (task) => (queue = queue.then(task).catch((error) => showErrors(String(error?.message ?? error))))

const ready = enqueue(() => openBook(false))

if (new URLSearchParams(location.search).get('live') !== 'no') {
  const events = new EventSource('/events')
  events.addEventListener('book', () => enqueue(async () => { showErrors(''); await openBook(true) }))
  events.addEventListener('build-error', (event) => showErrors(JSON.parse(event.data).report))
}

window.colophonReader = {
  ready,
  get generation() { return generation },
  toc: () => flatten(view.book.toc),
  landmarks: () => (view.book.landmarks ?? []).map(({ type, href, label }) => ({ type: [...type], href, label })),
  sections: () => view.book.sections.map(({ id, linear }) => ({ id, linear })),
  /** Go to an href or section index, and return the text then shown. */
  async show(target) {
    await view.goTo(target)
    return shownText()
  },
  text: shownText,
  /** The images on display, once decoded: their alternative text and drawn width (0: not shown). */
  async images() {
    const images = view.renderer.getContents().flatMap(({ doc }) => [...doc.images])
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)))
    return images.map((image) => ({ alt: image.alt, width: image.naturalWidth }))
  },
  /** How many elements match `selector` in the section(s) on display. */
  count: (selector) => view.renderer.getContents().reduce((sum, { doc }) => sum + doc.querySelectorAll(selector).length, 0),
  errors: () => (errors.hidden ? '' : errors.textContent),
}
