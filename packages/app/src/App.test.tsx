import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('shows the guest sign-in page of the local default', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'quadlet-portal' },
            backend: { baseUrl: 'http://localhost:7007' },
            quadletPortal: { signIn: 'guest' },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    expect(await screen.findByText('Guest')).toBeInTheDocument();
  });
});
