import { beforeAll, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../../lib/api';
import { i18n, renderWithRouter } from '../../../../test/render';
import { RegisterDialog, approvalChainText } from './RegisterDialog';
import { ref, registration, session } from '../test-data';

beforeAll(() => i18n.loadLanguages('de'));
const de = (k: string, o?: Record<string, unknown>) =>
  i18n.getFixedT('de', 'learningTrainings')(k, o);

describe('approval chain', () => {
  it('names the manager and the HR step', () => {
    const max = ref('m', 'Max Manager');
    expect(approvalChainText(true, max, de)).toBe(
      'Ihre Führungskraft Max Manager genehmigt, danach bestätigt das Personalamt.',
    );
    expect(approvalChainText(false, max, de)).toMatch(
      /^Ihre Führungskraft Max Manager genehmigt, danach ist Ihr Platz bestätigt/,
    );
    expect(approvalChainText(true, null, de)).toBe('Das Personalamt bestätigt Ihre Anmeldung.');
    expect(approvalChainText(true, undefined, de)).toBe(
      'Ihre Führungskraft genehmigt, danach bestätigt das Personalamt.',
    );
  });
});

describe('RegisterDialog', () => {
  it('explains the chain and sends the note once with a client id', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(registration());
    const onClose = vi.fn();
    renderWithRouter(
      <RegisterDialog
        session={session()}
        approver={ref('m', 'Max Manager')}
        onClose={onClose}
        onSubmit={onSubmit}
      />,
    );
    // The UI renders in the test language (English).
    const dialog = await screen.findByRole('dialog', { name: 'Register for the session' });
    expect(dialog).toHaveTextContent('Your manager Max Manager approves, then HR confirms.');
    await user.type(screen.getByLabelText('Note (optional)'), ' Für die Ersthelferrolle ');
    await user.click(screen.getByRole('button', { name: 'Send registration' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const input = onSubmit.mock.calls[0]![0] as { clientId: string; note: string };
    expect(input.note).toBe('Für die Ersthelferrolle');
    expect(input.clientId).toMatch(/^[0-9a-f-]{36}$/);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it("keeps the dialog open and shows the error in the reader's language", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockRejectedValue(new ApiError(409, 'session_full', 'full'));
    const onClose = vi.fn();
    renderWithRouter(
      <RegisterDialog session={session()} approver={null} onClose={onClose} onSubmit={onSubmit} />,
    );
    expect(await screen.findByRole('dialog')).toHaveTextContent('HR confirms your registration.');
    await user.click(screen.getByRole('button', { name: 'Send registration' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(i18n.t('errors:session_full'));
    expect(onClose).not.toHaveBeenCalled();
  });
});
