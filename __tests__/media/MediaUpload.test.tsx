/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MediaUpload, MEDIA_UPLOAD_ENDPOINT, type MediaUploadLabels } from '@/components/desk/media/MediaUpload.client';

const LABELS: MediaUploadLabels = {
  label: 'Afbeelding uploaden',
  hint: 'JPEG, PNG, WebP, AVIF of GIF, tot 5 MB.',
  upload: 'Uploaden',
  uploading: 'Bezig met uploaden…',
  uploaded: 'Geüpload: {src}',
  chooseFirst: 'Kies eerst een afbeelding.',
  errors: {
    'too-large': 'Te groot.',
    'unsupported-type': 'Geen ondersteunde afbeelding.',
    undecodable: 'Beschadigd.',
    'too-many-pixels': 'Te veel pixels.',
    'no-file': 'Geen bestand.',
    'signed-out': 'Sessie verlopen.',
    failed: 'Mislukt.',
  },
};

const SRC = `/media/${'a'.repeat(32)}.png`;

function respondWith(status: number, body: unknown) {
  // jsdom has no Response; the control only reads `ok`, `status` and `json()`.
  const fetchMock = jest.fn(async (_url: string, _init: RequestInit) => ({ ok: status >= 200 && status < 300, status, json: async () => body }));
  global.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

const file = (size = 10) => new File([new Uint8Array(size)], 'foto.png', { type: 'image/png' });

describe('the upload control', () => {
  const originalFetch = global.fetch;
  afterEach(() => {
    global.fetch = originalFetch;
  });

  it('posts the chosen file to the upload endpoint and reports the new src', async () => {
    const user = userEvent.setup();
    const fetchMock = respondWith(201, { src: SRC, width: 10, height: 5, contentType: 'image/png', bytes: 10 });
    const onUploaded = jest.fn();
    render(<MediaUpload labels={LABELS} maxBytes={1000} onUploaded={onUploaded} />);
    await user.upload(screen.getByLabelText('Afbeelding uploaden'), file());
    await user.click(screen.getByRole('button', { name: 'Uploaden' }));
    expect(await screen.findByText(`Geüpload: ${SRC}`)).toBeInTheDocument();
    expect(onUploaded).toHaveBeenCalledWith(SRC, expect.objectContaining({ width: 10, height: 5 }));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(MEDIA_UPLOAD_ENDPOINT);
    expect(init?.method).toBe('POST');
    expect((init?.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it.each<[number, unknown, string]>([
    [415, { error: 'unsupported-type' }, 'Geen ondersteunde afbeelding.'],
    [413, { error: 'too-large', limit: 5 }, 'Te groot.'],
    [422, { error: 'undecodable' }, 'Beschadigd.'],
    [401, { error: 'sign in to the desk first' }, 'Sessie verlopen.'],
    [500, { error: 'something else' }, 'Mislukt.'],
  ])('shows the localized reason for a %d answer next to the field', async (status, body, message) => {
    const user = userEvent.setup();
    respondWith(status, body);
    const onUploaded = jest.fn();
    render(<MediaUpload labels={LABELS} maxBytes={1000} onUploaded={onUploaded} />);
    const input = screen.getByLabelText('Afbeelding uploaden');
    await user.upload(input, file());
    await user.click(screen.getByRole('button', { name: 'Uploaden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(`${LABELS.hint} ${message}`);
    expect(onUploaded).not.toHaveBeenCalled();
  });

  it('refuses an oversized file without sending it, and asks for a file when none is chosen', async () => {
    const user = userEvent.setup();
    const fetchMock = respondWith(201, {});
    render(<MediaUpload labels={LABELS} maxBytes={5} />);
    await user.click(screen.getByRole('button', { name: 'Uploaden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Kies eerst een afbeelding.');
    await user.upload(screen.getByLabelText('Afbeelding uploaden'), file(6));
    await user.click(screen.getByRole('button', { name: 'Uploaden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Te groot.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('renders no form of its own and gives its file input no name, so a surrounding form never submits the file', () => {
    const { container } = render(<MediaUpload labels={LABELS} maxBytes={1000} />);
    expect(container.querySelector('form')).toBeNull();
    expect(screen.getByLabelText('Afbeelding uploaden')).not.toHaveAttribute('name');
    expect(screen.getByRole('button', { name: 'Uploaden' })).toHaveAttribute('type', 'button');
  });
});
