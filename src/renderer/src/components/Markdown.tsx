import ReactMarkdown, { type Components } from 'react-markdown'
import rehypeHighlight from 'rehype-highlight'
import remarkGfm from 'remark-gfm'
import { Box, Link } from '@mui/material'
import 'highlight.js/styles/github-dark.css'

/**
 * Renders bank markdown safely: react-markdown never renders raw HTML, and remote images are
 * shown as a link instead of being fetched (nothing leaves the machine).
 */
const components: Components = {
  img: ({ src, alt }) => {
    const url = typeof src === 'string' ? src : ''
    if (/^(data:|blob:)/.test(url)) return <img src={url} alt={alt ?? ''} style={{ maxWidth: '100%' }} />
    return (
      <Box component="span" sx={{ color: 'text.secondary', fontStyle: 'italic' }}>
        [image not loaded: {alt || url}]
      </Box>
    )
  },
  a: ({ href, children }) => (
    <Link href={href} target="_blank" rel="noreferrer noopener" onClick={(event) => event.preventDefault()} title={href}>
      {children}
    </Link>
  )
}

export default function Markdown({ children }: { children: string }) {
  return (
    <Box
      className="markdown"
      sx={{
        '& pre': { overflowX: 'auto', p: 1.5, borderRadius: 1, bgcolor: '#0d1117', color: '#e6edf3', fontSize: 13 },
        '& code': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
        '& :not(pre) > code': { bgcolor: 'action.hover', px: 0.5, borderRadius: 0.5 },
        '& table': { borderCollapse: 'collapse', my: 1, display: 'block', overflowX: 'auto' },
        '& th, & td': { border: 1, borderColor: 'divider', px: 1, py: 0.5, verticalAlign: 'top' },
        '& blockquote': { borderLeft: 4, borderColor: 'divider', m: 0, pl: 2, color: 'text.secondary' }
      }}
    >
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[[rehypeHighlight, { detect: false, ignoreMissing: true }]]} components={components}>
        {children}
      </ReactMarkdown>
    </Box>
  )
}
