import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  wordmark: {
    color: '#7df3e1',
    fontSize: 20,
    fontWeight: 700,
    letterSpacing: '0.02em',
    whiteSpace: 'nowrap',
    fontFamily: 'monospace',
  },
});

/** The portal's wordmark: a box of quadlets, written the way its users type it. */
export const LogoFull = () => {
  const classes = useStyles();
  return <span className={classes.wordmark}>quadlet-portal</span>;
};
