// The card page, framed by the content scripts beside a chip (components/overlay/CardFrame.tsx). Its
// address names the lead, the page's theme and the key of the chip's channel; the host page can read
// none of it.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CardPage } from '../../components/card/CardPage';
import { listenForChip } from '../../lib/content/card-link';
import { ask } from '../../lib/messaging/client';
import '../../components/card/card.css';

const params = new URLSearchParams(location.hash.slice(1));
const chip = listenForChip(params.get('key') ?? '');
document.documentElement.dataset.theme = params.get('theme') === 'dark' ? 'dark' : 'light';
render(<CardPage email={params.get('email') ?? ''} ask={ask} chip={chip} definitionsUrl={browser.runtime.getURL('/options.html#definitions')} />, document.getElementById('app')!);
