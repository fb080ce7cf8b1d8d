import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { useEffect, useState } from 'react';
import {
  type FindingFilter,
  SEVERITY_FILTERS,
  STATUS_FILTERS,
  type StatusFilter,
} from '../filters';
import { Tag } from './common/Tag';

const STATUS_LABEL: Record<StatusFilter, string> = {
  open: 'Not passing',
  fail: 'Fail',
  unknown: 'Unknown',
  waived: 'Waived',
  pass: 'Pass',
  all: 'All',
};

const ANY = '';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  select: { minWidth: 140 },
  check: { minWidth: 220, maxWidth: 320 },
  text: { minWidth: 220, flexGrow: 1 },
}));

/**
 * Box, check, severity, status and free text, plus "only new". The page keeps the filter in its
 * query string; the text waits for a pause in typing before it changes the URL.
 */
export function FindingFilters(props: {
  filter: FindingFilter;
  onChange: (filter: FindingFilter) => void;
  boxes: string[];
  checks: { id: string; title: string }[];
}) {
  const classes = useStyles();
  const { filter, onChange } = props;
  const [text, setText] = useState(filter.text ?? '');
  useEffect(() => setText(filter.text ?? ''), [filter.text]);
  useEffect(() => {
    if (text.trim() === (filter.text ?? '')) return undefined;
    const timer = setTimeout(
      () => onChange({ ...filter, text: text.trim() || undefined }),
      250,
    );
    return () => clearTimeout(timer);
  }, [text, filter, onChange]);

  const set = (patch: Partial<FindingFilter>) =>
    onChange({ ...filter, ...patch });

  return (
    <div className={classes.bar} role="search" aria-label="Filter findings">
      {props.boxes.length > 1 && (
        <TextField
          select
          label="Box"
          size="small"
          variant="outlined"
          className={classes.select}
          value={filter.box ?? ANY}
          onChange={e => set({ box: e.target.value || undefined })}
          InputLabelProps={{ shrink: true }}
          SelectProps={{
            displayEmpty: true,
            SelectDisplayProps: { 'aria-label': 'Box' } as any,
          }}
        >
          <MenuItem value={ANY}>All boxes</MenuItem>
          {props.boxes.map(box => (
            <MenuItem key={box} value={box}>
              {box}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        select
        label="Check"
        size="small"
        variant="outlined"
        className={classes.check}
        value={filter.check ?? ANY}
        onChange={e => set({ check: e.target.value || undefined })}
        InputLabelProps={{ shrink: true }}
        SelectProps={{
          displayEmpty: true,
          SelectDisplayProps: { 'aria-label': 'Check' } as any,
        }}
      >
        <MenuItem value={ANY}>All checks</MenuItem>
        {props.checks.map(check => (
          <MenuItem key={check.id} value={check.id}>
            {check.title}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="Severity"
        size="small"
        variant="outlined"
        className={classes.select}
        value={filter.severity ?? ANY}
        onChange={e =>
          set({
            severity: (e.target.value ||
              undefined) as FindingFilter['severity'],
          })
        }
        InputLabelProps={{ shrink: true }}
        SelectProps={{
          displayEmpty: true,
          SelectDisplayProps: { 'aria-label': 'Severity' } as any,
        }}
      >
        <MenuItem value={ANY}>Any severity</MenuItem>
        {SEVERITY_FILTERS.map(s => (
          <MenuItem key={s} value={s}>
            {s}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="Status"
        size="small"
        variant="outlined"
        className={classes.select}
        value={filter.status}
        onChange={e => set({ status: e.target.value as StatusFilter })}
        SelectProps={{ SelectDisplayProps: { 'aria-label': 'Status' } as any }}
      >
        {STATUS_FILTERS.map(s => (
          <MenuItem key={s} value={s}>
            {STATUS_LABEL[s]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label="Search"
        placeholder="message, unit, file, decision…"
        size="small"
        variant="outlined"
        className={classes.text}
        value={text}
        onChange={e => setText(e.target.value)}
        InputLabelProps={{ shrink: true }}
        inputProps={{ 'aria-label': 'Search findings' }}
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={!!filter.onlyNew}
            onChange={e => set({ onlyNew: e.target.checked || undefined })}
            color="primary"
          />
        }
        label="Only new since the last run"
      />
      {filter.entity && (
        <span>
          <Tag tone="neutral" title="Set by the link from an entity page">
            {`entity: ${filter.entity}`}
          </Tag>
          <Button size="small" onClick={() => set({ entity: undefined })}>
            Clear entity
          </Button>
        </span>
      )}
    </div>
  );
}
