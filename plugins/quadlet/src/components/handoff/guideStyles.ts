import { makeStyles } from '@material-ui/core/styles';
import { GUIDE_TARGET_ATTRIBUTE } from '../../handoff/useGuideNavigation';

/**
 * The guide's Markdown in the portal: calmer headings than the theme's page titles, compact
 * tables that scroll sideways instead of widening the page, and a mark on the row or entry an
 * in-guide link jumped to.
 */
export const useGuideStyles = makeStyles(theme => ({
  markdown: {
    fontSize: '0.925rem',
    lineHeight: 1.55,
    '& h1': { fontSize: '1.6rem', margin: '0 0 12px', fontWeight: 600 },
    '& h2': { fontSize: '1.35rem', margin: '8px 0 12px', fontWeight: 600 },
    '& h3': { fontSize: '1.15rem', margin: '4px 0 10px', fontWeight: 600 },
    '& h4': { fontSize: '1rem', margin: '16px 0 8px', fontWeight: 600 },
    '& p:empty': { display: 'none' },
    '& ul': { paddingLeft: 22, margin: '8px 0' },
    '& li': { margin: '3px 0' },
    '& code': {
      fontSize: '0.85em',
      padding: '1px 4px',
      borderRadius: 3,
      backgroundColor: theme.palette.action.hover,
      wordBreak: 'break-word',
    },
    '& blockquote': {
      margin: '8px 0 12px',
      padding: '6px 12px',
      borderLeft: `4px solid ${theme.palette.divider}`,
      color: theme.palette.text.secondary,
    },
    '& blockquote p': { margin: 0 },
    // Doubled selectors: MarkdownContent's own table rules have the same specificity otherwise.
    '& table': {
      display: 'block',
      maxWidth: '100%',
      overflowX: 'auto',
      fontSize: '0.85rem',
    },
    '& table th, & table td': {
      padding: '6px 10px',
      lineHeight: 1.4,
      verticalAlign: 'top',
    },
    [`& [${GUIDE_TARGET_ATTRIBUTE}] td`]: {
      backgroundColor: theme.palette.action.selected,
    },
  },
  section: {
    position: 'relative',
    scrollMarginTop: 16,
    padding: '12px 16px 4px',
    marginBottom: 12,
    borderRadius: 4,
    border: `1px solid ${theme.palette.divider}`,
    backgroundColor: theme.palette.background.paper,
    [`&[${GUIDE_TARGET_ATTRIBUTE}]`]: {
      boxShadow: `inset 4px 0 0 ${theme.palette.primary.main}`,
    },
  },
  entityLinks: {
    float: 'right',
    display: 'flex',
    flexWrap: 'wrap',
    gap: 8,
    alignItems: 'baseline',
    maxWidth: '45%',
    margin: '4px 0 8px 16px',
    fontSize: '0.85rem',
  },
}));
