import { Box } from '@mui/material'
import { Separator } from 'react-resizable-panels'

/**
 * The bar between two resizable panels: a thin line that thickens under the pointer and shows
 * the focus ring when reached with Tab (arrow keys then resize; Enter restores the default).
 */
export function PanelHandle({ orientation, label }: { orientation: 'horizontal' | 'vertical'; label: string }) {
  const across = orientation === 'horizontal'
  return (
    <Box
      component={Separator}
      aria-label={label}
      sx={{
        flex: '0 0 auto',
        [across ? 'width' : 'height']: 8,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        outline: 'none',
        '&::after': {
          content: '""',
          display: 'block',
          borderRadius: 1,
          bgcolor: 'divider',
          [across ? 'width' : 'height']: 2,
          [across ? 'height' : 'width']: '100%',
          transition: 'background-color 120ms, width 120ms, height 120ms'
        },
        '&[data-separator="hover"]::after, &[data-separator="active"]::after, &[data-separator="focus"]::after': { bgcolor: 'primary.main', [across ? 'width' : 'height']: 4 },
        '&:focus-visible::after': { bgcolor: 'primary.main', [across ? 'width' : 'height']: 4, outline: 2, outlineColor: 'primary.main', outlineOffset: 2 }
      }}
    />
  )
}
