import { describe, it, expect, beforeEach } from 'vitest';
import { render, screen } from '@testing-library/react';
import { ApiError } from '../lib/api';
import { ErrorMessage } from './ErrorMessage';
import { i18n } from '../test/render';

describe('ErrorMessage', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('de');
  });

  it('translates the error code and shows the correlation id', () => {
    render(
      <ErrorMessage error={new ApiError(401, 'invalid_credentials', 'Invalid', [], 'abc-123')} />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Benutzername oder Passwort ist falsch.');
    expect(alert).toHaveTextContent('Fehler-ID: abc-123');
    expect(alert).not.toHaveTextContent('Invalid');
  });

  it('lists field issues with the field label and translated validation text', () => {
    const error = new ApiError(400, 'validation_failed', 'bad', [
      { path: 'email', code: 'invalid_email', message: 'invalid_email' },
      {
        path: 'givenName',
        code: 'too_small',
        message: 'Too small: expected string to have >=1 characters',
      },
    ]);
    render(<ErrorMessage error={error} fieldLabels={{ email: 'E-Mail' }} />);
    expect(
      screen.getByText('E-Mail: Bitte eine gültige E-Mail-Adresse eingeben.'),
    ).toBeInTheDocument();
    expect(screen.getByText('givenName: Zu kurz oder zu klein.')).toBeInTheDocument();
  });

  it('speaks the reader’s language', async () => {
    await i18n.changeLanguage('en');
    render(<ErrorMessage error={new ApiError(403, 'forbidden', 'Forbidden')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('You do not have permission to do this.');
  });

  it('shows a network problem for failed fetches and nothing for no error', () => {
    const { container, rerender } = render(<ErrorMessage error={null} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<ErrorMessage error={new TypeError('Failed to fetch')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Keine Verbindung zum Server');
  });
});
