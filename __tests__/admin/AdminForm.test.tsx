/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminForm, type AdminField } from '@/components/desk/admin/AdminForm.client';
import type { AdminFormState } from '@/components/desk/admin/admin-form-state';

const FIELDS: AdminField[] = [
  { name: 'locale', label: '', type: 'hidden', value: 'nl' },
  { name: 'name', label: 'Naam', type: 'text', required: true },
  { name: 'slug', label: 'Slug', type: 'text', hint: 'Laat leeg voor een slug uit de naam.' },
];

const typed = (form: FormData) => ({ locale: String(form.get('locale')), name: String(form.get('name')), slug: String(form.get('slug')) });

function renderForm(answer: (form: FormData) => AdminFormState) {
  const submitted: FormData[] = [];
  const action = async (_previous: AdminFormState, form: FormData) => {
    submitted.push(form);
    return answer(form);
  };
  render(<AdminForm id="add" pagePath="/redactie/rubrieken" action={action} fields={FIELDS} submitLabel="Rubriek toevoegen" summaryTitle="Dit is niet opgeslagen:" />);
  return submitted;
}

describe('an admin form', () => {
  it('shows each error next to its field, in a focused summary, and keeps what was typed', async () => {
    const user = userEvent.setup();
    const submitted = renderForm((form) => ({
      status: 'error',
      message: null,
      secret: null,
      errors: { slug: 'Gebruik alleen kleine letters.' },
      values: typed(form),
    }));
    await user.type(screen.getByLabelText('Naam'), 'Schaatsen <b>');
    await user.type(screen.getByLabelText(/^Slug/), 'Schaatsen Baan');
    await user.click(screen.getByRole('button', { name: 'Rubriek toevoegen' }));

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(summary).toHaveTextContent('Dit is niet opgeslagen:');
    expect(screen.getByRole('link', { name: 'Gebruik alleen kleine letters.' })).toHaveAttribute('href', '#add-slug');

    const slug = screen.getByRole('textbox', { name: 'Slug' });
    expect(slug).toHaveAttribute('aria-invalid', 'true');
    expect(slug).toHaveAccessibleDescription('Laat leeg voor een slug uit de naam. Gebruik alleen kleine letters.');
    expect(slug).toHaveValue('Schaatsen Baan');
    expect(screen.getByRole('textbox', { name: 'Naam' })).toHaveValue('Schaatsen <b>');
    expect(screen.getByRole('textbox', { name: 'Naam' })).not.toHaveAttribute('aria-invalid');
    expect(typed(submitted[0] ?? new FormData())).toEqual({ locale: 'nl', name: 'Schaatsen <b>', slug: 'Schaatsen Baan' });
  });

  it('announces success, shows a one-time secret as code, and empties an add form', async () => {
    const user = userEvent.setup();
    renderForm(() => ({ status: 'success', message: 'Account aangemaakt.', secret: 'k3Rt9PqZ', errors: {}, values: {} }));
    await user.type(screen.getByLabelText('Naam'), 'Golf');
    await user.click(screen.getByRole('button', { name: 'Rubriek toevoegen' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Account aangemaakt. k3Rt9PqZ');
    expect(status.querySelector('code')).toHaveTextContent('k3Rt9PqZ');
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Naam' })).toHaveValue(''));
  });

  it('shows a message for the whole form in the summary', async () => {
    const user = userEvent.setup();
    renderForm((form) => ({ status: 'error', message: 'Deze rubriek bevat nog 3 artikelen.', secret: null, errors: {}, values: typed(form) }));
    await user.click(screen.getByRole('button', { name: 'Rubriek toevoegen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Deze rubriek bevat nog 3 artikelen.');
  });
});
