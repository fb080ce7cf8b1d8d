import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  mark: {
    color: '#7df3e1',
    fontSize: 22,
    fontWeight: 700,
    fontFamily: 'monospace',
  },
});

export const LogoIcon = () => {
  const classes = useStyles();
  return <span className={classes.mark}>qp</span>;
};
