/**
 * Words that begin with an elided letter, so a `'` before them is an
 * apostrophe (’), not an opening quote (SEMoS 8.7.2): `’tis`, `’em`,
 * `rock ’n’ roll`. From SE's typogrify list plus common modern ones.
 * Lowercase, letters only (`’tisn’t` is looked up as `tisn`).
 */
export const ELISIONS: ReadonlySet<string> = new Set([
  'tis', 'tisn', 'twas', 'twasn', 'twere', 'twill', 'twould', 'twouldn', 'twixt', 'tween',
  'til', 'till', 'em', 'cause', 'cos', 'coz', 'bout', 'n', 'nuff', 'gainst', 'neath', 'midst',
  'mongst', 'round', 'pon', 'un', 'uns', 'im', 'e', 'er', 'ere', 'ave', 'ome', 'appen', 'ow',
  'cept', 'ud', 'spose', 'scuse', 'kay', 'fraid',
  'tain', 'twon', 'aven', 'alf', 'ad', 'ard', 'ouse', 'ello', 'gin', 'nough', 'fore', 'specially', 'member',
  'sides', 'nother', 'prentice', 'pears', 'bacca', 'taters', 'bye',
])
