import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// A ceiling for `findBy…` while the test app and lazy cards load on a busy machine, not a timing
// assertion: queries return as soon as the element is there.
configure({ asyncUtilTimeout: 15_000 });
