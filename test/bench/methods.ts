// How each figure of the benchmark is measured, and against what floor: the text bench/README.md
// carries below its table (writeReport in stats.ts), kept beside the code that measures.
export const METHODS = `
## How each figure is measured

Each budget is set against a floor: what the browser itself costs for the same thing, measured in the
same run and named in the floor column.

- **Address to chip.** A message header with a cached lead's address is put into a saved Gmail thread;
  the figure runs to the first animation frame in which LeadLens's chip is there. Budget: within a
  frame (16 ms at p95). Floor: the next frame, 0-16.7 ms.
- **Gmail under churn.** A generated page the size of Gmail (test/bench/gmail-churn.ts, from a seed):
  about 16,000 elements and 22,700 nodes, a stylesheet of 4,000 rules, an open thread of 20 messages
  with 70 addresses where Gmail puts them, the hidden 50-row inbox list, labels, a chat roster and
  closed menus, served at a real Gmail URL. Its own script (gmail-churn-script.ts) mutates it 64 times a
  second as Gmail does (timestamps, hover cards, tooltips, presence dots, a progress bar, aria-live text,
  unread counts), re-renders the list every 2 s and, halfway, goes to another thread (history.pushState
  and hashchange, the thread's view replaced). A run is 640 batches (10 s) in one of four browsers,
  each fresh: no extension, an extension whose content script does nothing, one whose content script
  only observes the page (a MutationObserver on the document with LeadLens's options for the site, its
  callback doing nothing), and LeadLens with its demo data; the four take turns, 7 runs each.
  - *Main-thread time*: Performance.getMetrics' TaskDuration over the run, in the thread's own CPU
    time (timeDomain threadTicks), so that waiting for a core on a shared machine is not counted.
    Budget: LeadLens adds at most 10 % of the page's own (no extension). Floor: what the do-nothing
    content script adds, which is nothing but how far the figure wanders between runs (the same page
    with no extension took 3.4 to 4.2 s of CPU from one run to the next on Outlook, 2026-11-30). The
    observing script shows what watching the page costs before anything is read: every change the
    page makes queues a record for the observer, inside the page's own DOM calls. In traces of 5 s of
    Gmail's churn (devtools.timeline, each event's thread CPU time, three runs of each, 2026-11-30),
    the JavaScript the page's tasks ran was 194-219 ms without any extension, 218-251 ms with the
    observing script and 222-249 ms with LeadLens: LeadLens's own reads cost no more than the observer
    under them. Paint was 189-208 ms without, 189-210 ms with the observing script and 236-248 ms with
    LeadLens. That part comes from its hosts being in the page's lines: a copy of LeadLens that draws
    its chips but never puts their hosts into the page painted 227-244 ms (220-252 ms without, 260-285
    ms with LeadLens, in the same runs), about 2 µs a host at each repaint; why, is not yet known.
  - *Long tasks* (PerformanceObserver longtask in the page, over all runs) and *frames lost*
    (requestAnimationFrame's gaps, in frame intervals, median of the runs): budget none added over
    the page without any extension. Both count wall-clock time, so a run on a busy machine counts its
    neighbours too (a run without any extension then has several long tasks instead of one). The
    frames missed are also counted by where they fall: a gap between two frames that ends within
    300 ms of the navigation counts there, one within 100 ms of a re-render of the list there, the
    rest is the steady churn. Where they come from is read in a trace of the navigation (Tracing with devtools.timeline, each task's
    thread CPU time): without LeadLens the page's own tasks are the navigation (the next thread's HTML
    parsed and put in place, about 30 ms of CPU) and the frame after it (style and layout of half the
    page, about 130 ms, the one long task of a run). LeadLens adds about 6 ms of its own to the
    navigation's task: reading the new thread and drawing the chips of the addresses it already knows,
    which must be there for the first chip to be in the first frame (its whole-page read, the hosts of
    the addresses not yet known and the check of the page's theme run in later tasks). That keeps the
    navigation's task under 50 ms when it has a core to itself; on a shared machine that makes it wait,
    it passes 50 ms in wall-clock time and counts as one long task more. The chips of the addresses
    the tab had not seen come with the background's answer, after the page's long frame, and are laid
    out in the frame after it. Until 2026-11-30 (06:00) each chip made its line 1-2 px taller, so that
    frame laid out and painted the whole thread below them again (PrePaint 8-10 ms, Paint 2 ms); a
    chip now counts for less than the line's own height (PrePaint 3-4 ms, Paint 1.1-1.3 ms), and the
    frames lost at the navigation went from two more than without LeadLens to one. On the Outlook page
    the list re-rendered every 2 s costs frames too (traced 2026-11-30): the page's own task (50 rows'
    HTML parsed) is about 3-4 ms and the frame after it 16-25 ms; LeadLens reads the 50 new rows in
    that task, draws the chips of the 36 with an address and asks the background about those it has
    not seen (runtime.sendMessage alone takes 0.5-0.7 ms of the page's thread, up to 3 ms), about
    2.5 ms in all since each host has one listener for the page's dispatched clicks instead of one for
    each of fourteen kinds of input (7-8.5 ms before that, 8.7-10 ms before each added row stopped
    being reconciled against every chip on the page in turn); the frame after styles and lays out
    the 36 chips, 2-4 ms more. Until 2026-11-29 the theme
    was read with getComputedStyle in that task, which made the browser style the new thread there and
    then, and lay it out again in the frame: a long task of its own every run.
  - *Reads of the page per second*: calls of the adapter's find in LeadLens's built content script,
    counted by V8's precise coverage (Profiler.startPreciseCoverage with call counts: nothing in the
    extension is changed to count), with its JavaScript timed by the sampling profiler, in 5 s more
    of churn after the timed run, since counting slows the page.
  - *Navigation*: LeadLens's chip hosts (leadlens-overlay elements, visible in the page's DOM even
    though their shadow roots are not) entering the new thread, seen by a MutationObserver of the
    page's. Budget: the first in the first animation frame after the navigation, the last within
    200 ms. Floor: for the first, the page's own first frame after the navigation, without any
    extension (from history.pushState to its requestAnimationFrame callback); for the last, the same
    frame done (to a message posted from that callback, the first task after the frame's style, layout
    and paint). The addresses the tab has not seen before wait for the background's answer; it is
    asked for in the navigation's own task, comes back while the page draws that frame, and can be
    drawn no sooner than the frame is done. How long after that LeadLens's last chip comes is read
    run by run, against each run's own frame. Traces of the navigation (2026-11-29) put that frame at
    about 130 ms of style and layout on the Gmail page and 190 ms on the Outlook page.
  - *Load*: ScriptDuration (CPU time) from the navigation to the page settled (LeadLens: its 70 chips
    drawn) and 1.5 s more. Budget: at most 10 ms more than with the do-nothing content script.
    LeadLens's part, in V8's sampling profile of the load: compiling its 9 KB script, one read of the
    page, one request for its 70 addresses, and 70 chips (each a closed shadow root with the shared
    stylesheet and a button) drawn when the answer comes. (31.7 ms before the chips were drawn without
    Preact, labelled from one message per language and the page's open shadow roots walked only where
    an adapter reads inside them, 2026-11-29.)
- **Outlook under churn.** The same runs on a generated page the size of Outlook on the web
  (test/bench/outlook-churn.ts, from a seed, its structure rebuilt from the saved Outlook pages and the
  public sources they name): about 14,500 elements and 22,600 nodes, a stylesheet of 4,000 rules, the
  header with the search box and notifications, the app rail, the ribbon, the folder pane, the message
  list of 50 rows (36 with their sender's address, as Outlook shows people outside the rep's
  organisation) and a conversation of 10 messages in the reading pane, 6 expanded with 36 addresses in
  their From, To and Cc, persona buttons with presence badges; served at a real
  outlook.office.com/mail/inbox/id/… URL. Its script (outlook-churn-script.ts, run by the same runner
  as Gmail's, churn-script.ts) makes Outlook's changes 64 times a second: timestamps, persona cards,
  tooltips, presence badges (their aria-label), toasts and the notification count, the search box and
  its suggestions, unread counts in the folder pane, aria-live text, and the virtual list recycling a
  row as it scrolls; it re-renders the list every 2 s and, halfway, opens another conversation
  (history.pushState, the reading pane's conversation replaced). LeadLens reads Outlook only once the
  rep turns it on: its run uses the build with the optional sites' hosts granted (the same code) and
  turns Outlook on in the options first, and its sites content script, registered then, is the one
  profiled; the do-nothing and the observing scripts run on Outlook's hosts. The figures are measured as Gmail's: main-thread
  time, long tasks, frames, reads per second, the chips after the navigation (the 36 of the new
  conversation) and the load (to the list's and the conversation's chips drawn), against the same budgets.
- **Sizes.** Each built script gzipped; a content script under 15 KB (no floor). The content scripts
  carry no UI library: the chip, the card's frame and the record tab are drawn with the DOM itself
  (components/overlay), and test/lib/boundaries.test.ts holds them to it.
- **Lookup.** The chips for 100 cached addresses among 200,000 leads, asked from an extension page as
  a content script asks: each lead's name, grade and score, all a content script is told (the card's
  own page asks for the rest: the handoff, its SLA, the timeline, the fit's explanation). About 10 KB of
  JSON for 100 leads. Budget: at most 1.2 times the floor: a message the background refuses at once
  plus the same reads done raw in the worker (one transaction, each lead by key, the results not even
  read), taking turns with the lookup batch by batch, each going first in every other batch, after one
  batch of each that is not counted. Before 2026-11-30 the chips were answered with
  the card's whole context (each lead's handoffs read by the email index too, 35 KB of JSON): 15.2 ms
  against a floor of 11.7 ms (1.30 times).
- **Account look-up.** The card's "who else at this company" for one lead among 200,000 cached leads
  spread over 10,000 accounts of 20 people (test/bench/account-lookup.ts), the accounts asked about
  having touches in the last 90 days and a handoff, so that every read the card makes is made. Budget:
  at most 1.2 times the floor: a message round trip plus the same reads done raw in the worker (the
  account's leads by the accountKey index, their touches and handoffs), taking turns run by run, each
  on an account of its own that neither has read before. (Until 2026-11-30 the floor read the account the
  look-up had just read, and so always found its pages warm: 1.09 to 1.51 times over five runs of
  the same code.)
- **Popup.** Navigation to the first screen of 1,000 pending handoffs painted. Budget: under 100 ms.
  Floor: an empty page of the extension, opened the same way.
- **Sync ingest.** 50,000 leads and 500,000 touches from the Lead Context API fake, timed by the
  sync's own state across its runs (a run stops at 500 pages and "sync now" goes on from its cursor).
  Budget: at least 85 % of the floor: the same records from the same fake, fetched the same way (the
  next page asked for while one is written), made epoch times and written raw into the same database,
  one transaction per page; sync and floor take turns, each in a fresh browser. The sync writes one
  transaction per page too, its state with the page (since 2026-11-30; it was a second one after
  it). What it spends beyond the floor is in the service worker (a CPU profile of 220,000 records,
  2026-11-30): zod's check of each record, about 1.2 s (its URL check a quarter of that), and Dexie's
  handling of each write request, about 0.5 s, on a two-core machine where the worker, the database
  and the fake share the cores. The floor used before (50,000 synthetic touches into an empty
  database) is kept beside it.
`;
