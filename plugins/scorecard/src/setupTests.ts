import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Ceilings for a busy shared machine, not timing assertions: queries return as soon as the
// element is there. The overview renders two material-table tables, slow under jsdom.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);
