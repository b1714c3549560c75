import { useEffect, useMemo, useRef } from 'react'
import { Box, useTheme } from '@mui/material'
import { EditorView } from '@codemirror/view'
import { editorSetup, schemaExtension, setErrorLine, themeExtension, type EditorColors } from './sql-editor-setup'

export interface SqlEditorProps {
  initialValue: string
  schema: Record<string, string[]>
  /** 1-based line to mark as the error's, or null. */
  errorLine: number | null
  onChange: (value: string) => void
  onRun: () => void
  onCheck: () => void
}

/** The query editor: CodeMirror owns the text; React hears about changes and shortcuts. */
export function SqlEditor({ initialValue, schema, errorLine, onChange, onRun, onCheck }: SqlEditorProps) {
  const theme = useTheme()
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  // Latest callbacks without recreating the editor (it would lose the cursor and history).
  const callbacks = useRef({ onChange, onRun, onCheck })
  callbacks.current = { onChange, onRun, onCheck }

  const colors = useMemo<EditorColors>(() => {
    const dark = theme.palette.mode === 'dark'
    return {
      dark,
      background: theme.palette.background.paper,
      text: theme.palette.text.primary,
      muted: theme.palette.text.secondary,
      border: theme.palette.divider,
      selection: dark ? '#3a4a6b' : '#cfe0ff',
      activeLine: dark ? '#ffffff0d' : '#0000000a',
      error: theme.palette.error.main,
      keyword: dark ? '#c3a6ff' : '#7c3aed',
      string: dark ? '#9ee09e' : '#1f7a1f',
      number: dark ? '#f6ad55' : '#b45309',
      comment: dark ? '#9aa4b2' : '#64748b',
      operator: theme.palette.text.primary,
      focus: theme.palette.primary.main
    }
  }, [theme])

  const setup = useMemo(
    () =>
      editorSetup({
        colors,
        schema,
        label: 'SQL query (Ctrl+Enter runs it, Ctrl+Shift+Enter checks it)',
        onChange: (text) => callbacks.current.onChange(text),
        onRun: () => callbacks.current.onRun(),
        onCheck: () => callbacks.current.onCheck()
      }),
    // Built once; theme and schema changes go through their compartments below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    []
  )

  useEffect(() => {
    const parent = host.current
    if (!parent) return // the host box renders with the component, so this does not happen
    const created = new EditorView({ doc: initialValue, extensions: setup.extensions, parent })
    view.current = created
    return () => {
      created.destroy()
      view.current = null
    }
    // The initial value seeds the editor once; afterwards the editor owns the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [setup])

  useEffect(() => {
    view.current?.dispatch({ effects: setup.theme.reconfigure(themeExtension(colors)) })
  }, [colors, setup])

  useEffect(() => {
    view.current?.dispatch({ effects: setup.schema.reconfigure(schemaExtension(schema)) })
  }, [schema, setup])

  useEffect(() => {
    view.current?.dispatch({ effects: setErrorLine.of(errorLine) })
  }, [errorLine])

  return <Box ref={host} data-testid="sql-editor" sx={{ '& .cm-editor': { maxHeight: 420 }, '& .cm-scroller': { overflow: 'auto' } }} />
}
