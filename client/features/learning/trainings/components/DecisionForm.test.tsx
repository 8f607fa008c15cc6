import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../../lib/api';
import { i18n, renderWithRouter } from '../../../../test/render';
import { DecisionForm, reasonMissing } from './DecisionForm';

const props = {
  subject: 'Erika Muster – Erste Hilfe',
  onClose: () => undefined,
  isPending: false,
  error: null,
};

describe('the reason rule', () => {
  it('needs a reason to reject, none to approve', () => {
    expect(reasonMissing('reject', '')).toBe(true);
    expect(reasonMissing('reject', '   ')).toBe(true);
    expect(reasonMissing('reject', 'Dienstplan')).toBe(false);
    expect(reasonMissing('approve', '')).toBe(false);
  });
});

describe('DecisionForm', () => {
  it('does not send a rejection without a reason and says so at the field', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithRouter(<DecisionForm {...props} decision="reject" onSubmit={onSubmit} />);
    await user.click(await screen.findByRole('button', { name: 'Reject' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const field = screen.getByRole('textbox', { name: /Reason/ });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(i18n.t('validation:reason_required'));
    expect(field).toHaveFocus();
    await user.type(field, ' Dienstplan ');
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    expect(onSubmit).toHaveBeenCalledWith('Dienstplan');
  });

  it('approves without a comment', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithRouter(<DecisionForm {...props} decision="approve" onSubmit={onSubmit} />);
    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    expect(onSubmit).toHaveBeenCalledWith('');
  });

  it("shows the server's reason_required at the field", async () => {
    const error = new ApiError(400, 'validation_failed', 'bad', [
      { path: 'reason', code: 'reason_required', message: 'required' },
    ]);
    renderWithRouter(
      <DecisionForm {...props} decision="reject" onSubmit={vi.fn()} error={error} />,
    );
    const field = await screen.findByRole('textbox', { name: /Reason/ });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(i18n.t('validation:reason_required'));
  });
});
