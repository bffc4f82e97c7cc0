import { createRequire } from 'node:module'

/** What is-language-code answers for a tag: `res` true when the tag is valid, else a reason. */
export interface LanguageCheck {
  res: boolean
  message: string | null
}

/**
 * Is `tag` a BCP 47 language tag whose subtags are in the IANA registry?
 * is-language-code answers; its registry tables cost some 15 ms to load, so
 * the commonest tags (a two-letter language, with a two-letter region or
 * without) are answered from the lists below, which hold what the library
 * itself accepts (test/language-tag.test.ts checks every one, and that no
 * tag is accepted here that it refuses). Anything else loads the library.
 */
export function checkLanguageTag(tag: string): LanguageCheck {
  const simple = /^([a-z]{2})(?:-([a-z]{2}))?$/i.exec(tag)
  if (simple && LANGUAGES.has((simple[1] as string).toLowerCase()) && (simple[2] === undefined || REGIONS.has(simple[2].toLowerCase()))) {
    return { res: true, message: null }
  }
  return library().isLangCode(tag)
}

type Library = { isLangCode(tag: string): LanguageCheck }
let loaded: Library | undefined

/** Loaded on first need, synchronously: the checks run inside synchronous schema and tree code. */
function library(): Library {
  loaded ??= createRequire(import.meta.url)('is-language-code') as Library
  return loaded
}

/** The two-letter language subtags in the registry (ISO 639-1, with the deprecated iw, in, ji, jw and mo). */
export const LANGUAGES: ReadonlySet<string> = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de ' +
    'dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ' +
    'ie ig ii ik in io is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ' +
    'ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa ' +
    'pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ' +
    'ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
)

/** The two-letter region subtags in the registry (ISO 3166-1, with the private-use and withdrawn codes it keeps). */
export const REGIONS: ReadonlySet<string> = new Set(
  (
    'aa ac ad ae af ag ai al am an ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq ' +
    'br bs bt bu bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cp cq cr cs cu cv cw cx cy cz dd de dg ' +
    'dj dk dm do dz ea ec ee eg eh er es et eu ez fi fj fk fm fo fr fx ga gb gd ge gf gg gh gi gl gm gn ' +
    'gp gq gr gs gt gu gw gy hk hm hn hr ht hu ic id ie il im in io iq ir is it je jm jo jp ke kg kh ki ' +
    'km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ' +
    'ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nt nu nz om pa pe pf pg ph pk pl pm pn pr ps ' +
    'pt pw py qa qm qn qo qp qq qr qs qt qu qv qw qx qy qz re ro rs ru rw sa sb sc sd se sg sh si sj sk ' +
    'sl sm sn so sr ss st su sv sx sy sz ta tc td tf tg th tj tk tl tm tn to tp tr tt tv tw tz ua ug um ' +
    'un us uy uz va vc ve vg vi vn vu wf ws xa xb xc xd xe xf xg xh xi xj xk xl xm xn xo xp xq xr xs xt ' +
    'xu xv xw xx xy xz yd ye yt yu za zm zr zw zz'
  ).split(' '),
)
