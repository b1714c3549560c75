/**
 * Lines that banks carry but that are not questions: navigation (tables of contents, "back to
 * top", links to the main page, in several languages), reference sections ("Sources and
 * further reading"), and placeholders where an answer or question will go ("Answer here",
 * "Will be available soon").
 */

const navigationWords = [
  // English
  'table of contents', 'contents', 'toc', 'index', 'introduction', 'intro', 'overview', 'references?', 'resources',
  'further reading', 'additional reading', 'reading list', 'sources?', 'sources? (?:and|&) further reading', 'see also',
  'related(?: links| resources| topics)?', 'useful links', 'links', 'licen[cs]e', 'contributing', 'contributors?',
  'contribution', 'credits', 'acknowledge?ments', 'about', 'about (?:this|the) (?:repo|repository|project|book)',
  'changelog', 'support', 'sponsors?', 'disclaimer', 'authors?', 'star history', 'how to contribute', 'navigation',
  'back to top', 'appendix', 'glossary', 'bibliography', 'next steps', 'legend',
  // Spanish / Portuguese
  'índice', 'indice', 'contenidos?', 'tabla de contenidos?', 'índice de contenidos?', 'referencias', 'fuentes',
  'fuentes y lecturas? adicionales?', 'recursos', 'lecturas? adicionales?', 'licencia', 'contribuir', 'contribuciones',
  'agradecimientos', 'autores', 'sumário', 'sumario', 'referências', 'leituras? adicionais', 'volver arriba', 'voltar ao topo',
  // French / German / Italian
  'sommaire', 'table des matières', 'références', 'ressources', 'pour aller plus loin', 'inhaltsverzeichnis', 'inhalt',
  'quellen', 'weiterführende literatur', 'lizenz', 'indice dei contenuti', 'sommario', 'riferimenti', 'fonti',
  // Russian / Ukrainian
  'содержание', 'оглавление', 'ссылки', 'источники', 'литература', 'зміст', 'джерела',
  // Chinese / Japanese / Korean
  '目录', '目錄', '参考', '参考资料', '參考資料', '索引', '目次', '参考文献', '목차', '참고 자료', '참고'
]

const navigationHeadingPattern = new RegExp(`^(?:${navigationWords.join('|')})$`, 'iu')

/** A heading that is navigation or a reference section: its content holds no questions. */
export function isNavigationHeading(text: string): boolean {
  // Every navigation heading is a few words; a long one is something else.
  if (text.length > 60) return false
  const bare = text
    .replace(/[^\p{L}\p{N}&' ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return bare !== '' && navigationHeadingPattern.test(bare)
}

const navigationLinkText =
  /^(?:main(?: title| page)?|home|back|back to (?:top|index|contents|main|the main page|questions)|top|up|index|contents|readme|previous|next|prev|volver|inicio|atrás|anterior|siguiente|retour|accueil|suivant|précédent|zurück|weiter|назад|вперёд|главная|返回|上一页|下一页|↑|↩|⬆|⬅|➡)\b/iu

/** A link that navigates (an anchor, another page of the same site, a "back" or "main" link). */
export function isNavigationLink(url: string, text: string): boolean {
  const bare = text.replace(/[^\p{L}\p{N}↑↩⬆⬅➡ ]/gu, ' ').trim()
  if (bare === '' || navigationLinkText.test(bare)) return true
  if (url.startsWith('#')) return true
  return false
}

const placeholderCore =
  '(?:your )?answers? (?:here|goes here|will go here|to (?:be )?(?:added|written|filled)|pending|coming soon|tbd)|(?:will be|to be) (?:available|added|updated|filled|written|completed|provided|done)(?: soon| later)?|coming soon|to be filled|to do|todo|tbd|tba|wip|work in progress|n/?a|pending|not (?:yet )?answered|no answer(?: yet)?|under construction|placeholder|lorem ipsum|\\.{3}|…|próximamente|respuesta aquí|por completar|en construcción|à venir|bientôt disponible|réponse ici|demnächst|antwort hier|скоро|待补充|待完善|暂无'
const placeholderPattern = new RegExp(`^[\\s_*\`"'“”‘’\\[\\](){}<>.:!-]*(?:${placeholderCore})[\\s_*\`"'“”‘’\\[\\](){}<>.:!-]*$`, 'iu')

/** Text that stands where content will go: "Answer here", "_[To be filled]_", "Coming soon". */
export function isPlaceholder(text: string): boolean {
  const t = text.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').trim()
  return t !== '' && t.length <= 80 && placeholderPattern.test(t)
}

/** HTML that only separates (`<br/>`, `<hr>`, an empty paragraph), as a whole block. */
export function isSeparatorHtml(html: string): boolean {
  return /^(?:\s*(?:<\/?(?:br|hr|p|div)\b[^>]*>|&nbsp;))+\s*$/i.test(html)
}

/** An answer's own label at its start ("**Answer:**", "A:", "Ans."), which is not content. */
export const answerLabelPattern =
  /^\s*(?:\*\*|__)?\s*(?:(?:answer|ans|solution|respuesta|réponse|antwort|ответ|答案?)\s*[:.)]|a\s*:)\s*(?:\*\*|__)?\s*(?::\s*)?/iu
