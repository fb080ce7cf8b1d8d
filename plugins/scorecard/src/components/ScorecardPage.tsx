import { Header, Page } from '@backstage/core-components';
import { Route, Routes, useParams } from 'react-router-dom';
import { ScorecardOverview } from './ScorecardOverview';

function BoxOverviewRoute() {
  const { box } = useParams();
  return <ScorecardOverview box={box} />;
}

/** `/scorecard` (every box) and `/scorecard/:box`; the app frame provides the page header. */
export function ScorecardPage() {
  return (
    <Routes>
      <Route path="/" element={<ScorecardOverview />} />
      <Route path="/:box" element={<BoxOverviewRoute />} />
    </Routes>
  );
}

/** The same page with its own header, for legacy apps (which mount pages without one). */
export function LegacyScorecardPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Scorecard"
        subtitle="Pin hygiene of every box: what drifted since the last run"
      />
      <ScorecardPage />
    </Page>
  );
}
