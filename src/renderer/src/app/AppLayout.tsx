import type { ReactNode } from 'react'
import {
  AppBar,
  Box,
  Drawer,
  IconButton,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Tooltip,
  Typography
} from '@mui/material'
import DarkModeIcon from '@mui/icons-material/DarkMode'
import InsightsIcon from '@mui/icons-material/Insights'
import KeyboardIcon from '@mui/icons-material/Keyboard'
import LightModeIcon from '@mui/icons-material/LightMode'
import LibraryBooksIcon from '@mui/icons-material/LibraryBooks'
import MicIcon from '@mui/icons-material/Mic'
import RateReviewIcon from '@mui/icons-material/RateReview'
import SettingsIcon from '@mui/icons-material/Settings'
import { NavLink } from 'react-router'
import { MAIN_CONTENT_ID, SkipLinks } from '../components/SkipLinks'
import { NoticeBanner } from './NoticeBanner'
import { pages } from '../lib/shortcuts'
import type { ColorMode } from './theme'

const drawerWidth = 200
const icons: Record<(typeof pages)[number]['path'], ReactNode> = {
  '/library': <LibraryBooksIcon />,
  '/practice': <MicIcon />,
  '/review': <RateReviewIcon />,
  '/progress': <InsightsIcon />,
  '/settings': <SettingsIcon />
}

interface AppLayoutProps {
  children: ReactNode
  colorMode: ColorMode
  onToggleTheme: () => void
  onShowShortcuts: () => void
}

export function AppLayout({ children, colorMode, onToggleTheme, onShowShortcuts }: AppLayoutProps) {
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <SkipLinks />
      <AppBar position="fixed" color="default" elevation={0} sx={{ zIndex: (t) => t.zIndex.drawer + 1, borderBottom: 1, borderColor: 'divider' }}>
        <Toolbar variant="dense">
          <Typography variant="h6" component="div" sx={{ flex: 1, fontWeight: 700 }}>
            mockroom
          </Typography>
          <Tooltip title="Keyboard shortcuts (?)">
            <IconButton aria-label="Keyboard shortcuts" onClick={onShowShortcuts}>
              <KeyboardIcon />
            </IconButton>
          </Tooltip>
          <Tooltip title={`Switch to ${colorMode === 'dark' ? 'light' : 'dark'} theme (Alt+T)`}>
            <IconButton aria-label="Toggle theme" data-color-mode={colorMode} onClick={onToggleTheme}>
              {colorMode === 'dark' ? <LightModeIcon /> : <DarkModeIcon />}
            </IconButton>
          </Tooltip>
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: drawerWidth, flexShrink: 0, '& .MuiDrawer-paper': { width: drawerWidth, boxSizing: 'border-box' } }}
      >
        <Toolbar variant="dense" />
        <nav aria-label="Main">
          <List>
            {/* A list holds list items only: each link sits in one (screen readers count them). */}
            {pages.map((page, index) => (
              <ListItem key={page.path} disablePadding>
                <ListItemButton
                  component={NavLink}
                  to={page.path}
                  title={`${page.label} (Alt+${index + 1})`}
                  sx={{ '&.active': { bgcolor: 'action.selected', fontWeight: 600 } }}
                >
                  <ListItemIcon sx={{ minWidth: 40 }}>{icons[page.path]}</ListItemIcon>
                  <ListItemText primary={page.label} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </nav>
      </Drawer>
      <Box component="main" id={MAIN_CONTENT_ID} tabIndex={-1} sx={{ flex: 1, minWidth: 0, p: 3, outline: 'none' }}>
        <Toolbar variant="dense" />
        <NoticeBanner />
        {children}
      </Box>
    </Box>
  )
}
