import { Dialog, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material'
import { globalShortcuts } from '../lib/shortcuts'

export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="shortcut-sheet-title" maxWidth="sm" fullWidth>
      <DialogTitle id="shortcut-sheet-title">Keyboard shortcuts</DialogTitle>
      {/* The list outgrows a short window: its scroll area takes focus, so arrow keys scroll it. */}
      <DialogContent tabIndex={0} role="region" aria-labelledby="shortcut-sheet-title">
        <Table size="small">
          <TableBody>
            {globalShortcuts.map((shortcut) => (
              <TableRow key={shortcut.keys}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <kbd>{shortcut.keys}</kbd>
                </TableCell>
                <TableCell>{shortcut.description}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
    </Dialog>
  )
}
