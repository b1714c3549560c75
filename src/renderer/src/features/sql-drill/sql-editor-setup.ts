import { autocompletion, closeBrackets, closeBracketsKeymap, closeCompletion, completionKeymap } from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { PostgreSQL, sql } from '@codemirror/lang-sql'
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { Compartment, StateEffect, StateField, type Extension } from '@codemirror/state'
import { Decoration, EditorView, highlightActiveLine, keymap, lineNumbers, placeholder, type DecorationSet } from '@codemirror/view'
import { tags } from '@lezer/highlight'

/**
 * CodeMirror 6, assembled from its packages (no basic-setup bundle): SQL highlighting, history,
 * brackets, completion of the drill's table and column names, and a marked error line. Tab is
 * deliberately not bound, so keyboard users can Tab out of the editor.
 */

export interface EditorColors {
  dark: boolean
  background: string
  text: string
  muted: string
  border: string
  selection: string
  activeLine: string
  error: string
  keyword: string
  string: string
  number: string
  comment: string
  operator: string
  focus: string
}

export const setErrorLine = StateEffect.define<number | null>()

const errorLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(lines, transaction) {
    let next = lines.map(transaction.changes)
    for (const effect of transaction.effects) {
      if (!effect.is(setErrorLine)) continue
      const line = effect.value
      if (line === null || line < 1 || line > transaction.state.doc.lines) next = Decoration.none
      else next = Decoration.set([Decoration.line({ class: 'cm-error-line' }).range(transaction.state.doc.line(line).from)])
    }
    // Editing clears the mark: it pointed at text that may no longer be there.
    return transaction.docChanged ? Decoration.none : next
  },
  provide: (field) => EditorView.decorations.from(field)
})

export function themeExtension(colors: EditorColors): Extension {
  const highlight = HighlightStyle.define([
    { tag: tags.keyword, color: colors.keyword, fontWeight: '600' },
    { tag: [tags.string, tags.special(tags.string)], color: colors.string },
    { tag: [tags.number, tags.bool, tags.null], color: colors.number },
    { tag: [tags.comment, tags.lineComment, tags.blockComment], color: colors.comment, fontStyle: 'italic' },
    { tag: [tags.operator, tags.punctuation], color: colors.operator },
    { tag: [tags.typeName, tags.standard(tags.name)], color: colors.keyword }
  ])
  return [
    EditorView.theme(
      {
        '&': { backgroundColor: colors.background, color: colors.text, fontSize: '14px', border: `1px solid ${colors.border}`, borderRadius: '4px' },
        '&.cm-focused': { outline: `2px solid ${colors.focus}`, outlineOffset: '1px' },
        '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', caretColor: colors.text, minHeight: '160px' },
        '.cm-gutters': { backgroundColor: colors.background, color: colors.muted, borderRight: `1px solid ${colors.border}` },
        '.cm-activeLine': { backgroundColor: colors.activeLine },
        '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: colors.selection },
        '.cm-cursor': { borderLeftColor: colors.text },
        '.cm-error-line': { backgroundColor: `${colors.error}33`, boxShadow: `inset 3px 0 0 ${colors.error}` },
        '.cm-placeholder': { color: colors.muted },
        '.cm-tooltip': { backgroundColor: colors.background, color: colors.text, border: `1px solid ${colors.border}` }
      },
      { dark: colors.dark }
    ),
    syntaxHighlighting(highlight)
  ]
}

export interface EditorSetup {
  theme: Compartment
  schema: Compartment
  extensions: Extension[]
}

export function editorSetup(options: {
  colors: EditorColors
  schema: Record<string, string[]>
  label: string
  onChange: (text: string) => void
  onRun: () => void
  onCheck: () => void
}): EditorSetup {
  const theme = new Compartment()
  const schema = new Compartment()
  // A completion list left open would cover the buttons and the result.
  const run = (view: EditorView) => {
    closeCompletion(view)
    options.onRun()
    return true
  }
  const check = (view: EditorView) => {
    closeCompletion(view)
    options.onCheck()
    return true
  }
  return {
    theme,
    schema,
    extensions: [
      lineNumbers(),
      history(),
      bracketMatching(),
      closeBrackets(),
      highlightActiveLine(),
      autocompletion(),
      placeholder('select … from …'),
      keymap.of([
        { key: 'Mod-Enter', run, preventDefault: true },
        { key: 'Shift-Mod-Enter', run: check, preventDefault: true },
        ...closeBracketsKeymap,
        ...completionKeymap,
        ...historyKeymap,
        ...defaultKeymap
      ]),
      schema.of(sql({ dialect: PostgreSQL, schema: options.schema, upperCaseKeywords: false })),
      theme.of(themeExtension(options.colors)),
      errorLineField,
      EditorView.contentAttributes.of({ 'aria-label': options.label, 'aria-multiline': 'true' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange(update.state.doc.toString())
      })
    ]
  }
}

export function schemaExtension(schema: Record<string, string[]>): Extension {
  return sql({ dialect: PostgreSQL, schema, upperCaseKeywords: false })
}
