import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n, renderWithRouter } from '../../../test/render';
import { quiz, quizResult } from '../test-data';
import { QuizForm } from './QuizForm';

beforeEach(async () => {
  await i18n.changeLanguage('de');
});

describe('QuizForm', () => {
  it('asks each question in a fieldset: radios for single, checkboxes for multiple choice', async () => {
    renderWithRouter(<QuizForm quiz={quiz()} summary={null} submit={vi.fn()} />);
    const first = await screen.findByRole('group', { name: /Frage 1 von 2: Wie lang/ });
    expect(within(first).getAllByRole('radio')).toHaveLength(2);
    const second = screen.getByRole('group', { name: /Frage 2 von 2: Welche Daten/ });
    expect(within(second).getAllByRole('checkbox')).toHaveLength(3);
    expect(screen.getByText('Höchstens 3 Versuche.', { exact: false })).toBeVisible();
  });

  it('sends nothing while a question is unanswered and says how many are missing', async () => {
    const user = userEvent.setup();
    const submit = vi.fn();
    renderWithRouter(<QuizForm quiz={quiz()} summary={null} submit={submit} />);
    await user.click(await screen.findByRole('radio', { name: 'Zehn Jahre' }));
    await user.click(screen.getByRole('button', { name: 'Antworten abgeben' }));
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Bitte beantworten Sie noch 1 Frage.');
  });

  it('sends the chosen options, shows the result per question and offers another attempt', async () => {
    const user = userEvent.setup();
    const submit = vi.fn().mockResolvedValue(quizResult());
    renderWithRouter(<QuizForm quiz={quiz()} summary={null} submit={submit} />);
    await user.click(await screen.findByRole('radio', { name: 'Zehn Jahre' }));
    await user.click(screen.getByRole('checkbox', { name: 'Name' }));
    await user.click(screen.getByRole('checkbox', { name: 'Raumnummer' }));
    await user.click(screen.getByRole('checkbox', { name: 'Raumnummer' }));
    await user.click(screen.getByRole('button', { name: 'Antworten abgeben' }));
    expect(submit).toHaveBeenCalledWith({
      'question-1': ['option-b'],
      'question-2': ['option-c'],
    });

    const heading = await screen.findByRole('heading', { name: 'Nicht bestanden' });
    expect(heading).toHaveFocus();
    expect(screen.getByText('Ihr Ergebnis: 50 % (nötig: 100 %)')).toBeVisible();
    expect(screen.getByText('Noch 2 Versuche übrig.')).toBeVisible();
    const first = screen.getByRole('group', { name: /Frage 1/ });
    expect(within(first).getByText('Richtig')).toBeVisible();
    expect(within(first).getByText('Genau: zehn Jahre.')).toBeVisible();
    const second = screen.getByRole('group', { name: /Frage 2/ });
    expect(within(second).getByText('Falsch')).toBeVisible();
    // The answers stay visible but locked; right options are not revealed while attempts remain.
    expect(within(second).getByRole('checkbox', { name: 'Name' })).toBeDisabled();
    expect(screen.queryByText(/richtige Antwort/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect(screen.queryByRole('heading', { name: 'Nicht bestanden' })).toBeNull();
    expect(screen.getByRole('radio', { name: 'Zehn Jahre' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Antworten abgeben' })).toBeEnabled();
  });

  it('passed: no further attempt, right options marked once the server names them', async () => {
    const user = userEvent.setup();
    const result = quizResult({
      score: 100,
      passed: true,
      attemptsLeft: 1,
      questions: [
        { id: 'question-1', correct: true, feedback: '', correctOptionIds: ['option-b'] },
        {
          id: 'question-2',
          correct: true,
          feedback: '',
          correctOptionIds: ['option-c', 'option-d'],
        },
      ],
    });
    renderWithRouter(
      <QuizForm quiz={quiz()} summary={null} submit={vi.fn().mockResolvedValue(result)} />,
    );
    await user.click(await screen.findByRole('radio', { name: 'Zehn Jahre' }));
    await user.click(screen.getByRole('checkbox', { name: 'Name' }));
    await user.click(screen.getByRole('checkbox', { name: 'Personalnummer' }));
    await user.click(screen.getByRole('button', { name: 'Antworten abgeben' }));
    expect(await screen.findByRole('heading', { name: 'Bestanden' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Erneut versuchen' })).toBeNull();
    expect(screen.getAllByText(/richtige Antwort/)).toHaveLength(3);
  });

  it('shows the API error in German and keeps the answers', async () => {
    const user = userEvent.setup();
    const { ApiError } = await import('../../../lib/api');
    const submit = vi.fn().mockRejectedValue(new ApiError(409, 'no_attempts_left', 'x'));
    renderWithRouter(<QuizForm quiz={quiz()} summary={null} submit={submit} />);
    await user.click(await screen.findByRole('radio', { name: 'Zehn Jahre' }));
    await user.click(screen.getByRole('checkbox', { name: 'Name' }));
    await user.click(screen.getByRole('button', { name: 'Antworten abgeben' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.some((a) => a.textContent?.includes(i18n.t('errors:no_attempts_left')))).toBe(
      true,
    );
    expect(screen.getByRole('radio', { name: 'Zehn Jahre' })).toBeChecked();
  });

  it('coming back: my last attempt with my answers, its date and another try', async () => {
    const user = userEvent.setup();
    renderWithRouter(
      <QuizForm
        quiz={quiz()}
        summary={{ attempts: 1, bestScore: 50, passed: false, attemptsLeft: 2 }}
        last={quizResult()}
        submit={vi.fn()}
      />,
    );
    const heading = await screen.findByRole('heading', { name: 'Nicht bestanden' });
    // Loaded, not just submitted: focus stays where the reader is.
    expect(heading).not.toHaveFocus();
    expect(screen.getByText(/^Ihr letzter Versuch vom 20\.11\.2026/)).toBeVisible();
    expect(screen.getByRole('radio', { name: 'Zehn Jahre' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Zehn Jahre' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Name' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Personalnummer' })).not.toBeChecked();
    expect(
      within(screen.getByRole('group', { name: /Frage 2/ })).getByText('Falsch'),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Antworten abgeben' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect(screen.getByRole('radio', { name: 'Zehn Jahre' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Antworten abgeben' })).toBeEnabled();
  });

  it('coming back after the last attempt: my answers, the right ones, no further try', async () => {
    const last = quizResult({
      attempts: 3,
      attemptsLeft: 0,
      questions: [
        { id: 'question-1', correct: true, feedback: '', correctOptionIds: ['option-b'] },
        {
          id: 'question-2',
          correct: false,
          feedback: '',
          correctOptionIds: ['option-c', 'option-d'],
        },
      ],
    });
    renderWithRouter(
      <QuizForm
        quiz={quiz()}
        summary={{ attempts: 3, bestScore: 50, passed: false, attemptsLeft: 0 }}
        last={last}
        submit={vi.fn()}
      />,
    );
    expect(await screen.findByText('Keine Versuche mehr übrig.')).toBeVisible();
    expect(screen.getByRole('checkbox', { name: /^Name/ })).toBeChecked();
    expect(screen.getAllByText(/richtige Antwort/)).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Erneut versuchen' })).toBeNull();
  });

  it('a last attempt on an earlier version: its result and why the answers are not shown', async () => {
    renderWithRouter(
      <QuizForm
        quiz={quiz()}
        summary={{ attempts: 1, bestScore: 50, passed: false, attemptsLeft: 2 }}
        last={quizResult({ olderVersion: true, answers: {}, questions: [] })}
        submit={vi.fn()}
      />,
    );
    expect(await screen.findByRole('heading', { name: 'Nicht bestanden' })).toBeVisible();
    expect(screen.getByText(/Der Test wurde seit diesem Versuch geändert/)).toBeVisible();
    expect(screen.getByRole('radio', { name: 'Zehn Jahre' })).not.toBeChecked();
    expect(screen.queryByText('Richtig')).toBeNull();
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
  });

  it('an archived course: the last attempt can be read, nothing can be sent', async () => {
    renderWithRouter(
      <QuizForm
        quiz={quiz()}
        summary={{ attempts: 1, bestScore: 50, passed: false, attemptsLeft: 2 }}
        last={quizResult()}
        closed
        submit={vi.fn()}
      />,
    );
    expect(await screen.findByText(/Der Kurs ist archiviert/)).toBeVisible();
    expect(screen.getByRole('radio', { name: 'Zehn Jahre' })).toBeChecked();
    expect(screen.queryByRole('button', { name: 'Erneut versuchen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Antworten abgeben' })).toBeNull();
  });

  it('no attempts left or preview: no submit button', async () => {
    renderWithRouter(
      <QuizForm
        quiz={quiz()}
        summary={{ attempts: 3, bestScore: 50, passed: false, attemptsLeft: 0 }}
        submit={vi.fn()}
      />,
    );
    expect(
      await screen.findByText('Keine Versuche mehr übrig (bestes Ergebnis 50 %).'),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Antworten abgeben' })).toBeNull();
  });
});
