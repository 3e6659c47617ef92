// Applies webhook events to the site in two steps, so that a new article's page never waits behind
// the re-making of a thousand list pages: each event's article pages at once, in the order the
// events came; then the lists, feeds and sitemaps they touch, once for all the events that came
// meanwhile. When a step fails (the API unreachable, say), the whole site is made again a little
// later, until that succeeds. Documents that come into force or expire on a day change status with
// no event: the keeper adds one for that day's pages.
import { DOCUMENT_DAY } from './publisher.js';

/** How long after a failed step the whole site is made again. */
const REBUILD_DELAY_MS = 5000;
/** The longest delay setTimeout keeps (about 24.8 days); a later day is looked for again then. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export class SiteKeeper {
  #publisher;
  #log;
  #events = [];
  #touched = [];
  /** The running drain of each step, or null; pages starts behind the first build. */
  #pages;
  #lists = null;
  #dayTimer = null;

  constructor(publisher, firstBuild, log = console) {
    this.#publisher = publisher;
    this.#log = log;
    this.#pages = firstBuild.catch(() => {}).then(() => this.#drainPages());
  }

  add(event) {
    this.#events.push(event);
    this.#pages ??= this.#drainPages();
  }

  /** Resolves once everything added so far is applied, both steps. */
  async idle() {
    while (this.#pages || this.#lists) await Promise.all([this.#pages, this.#lists]);
  }

  async #drainPages() {
    await Promise.resolve(); // so that #pages is set before the end of the drain clears it
    while (this.#events.length > 0) {
      const events = this.#events.splice(0);
      try {
        const { rebuild, touched } = await this.#publisher.pages(events);
        if (rebuild) {
          await this.#rebuild(0);
        } else if (touched.length > 0) {
          this.#touched.push(...touched);
          this.#lists ??= this.#drainLists();
        }
      } catch (error) {
        this.#log.error(`${events.length} event(s) not applied (${error.message}): the whole site is made again.`);
        await this.#rebuild(REBUILD_DELAY_MS);
      }
    }
    this.#pages = null;
    this.#awaitNextDay();
  }

  /** Sets the timer for the next day on which documents change status (after every change: it may have moved). */
  #awaitNextDay() {
    clearTimeout(this.#dayTimer);
    const next = this.#publisher.nextDocumentDay(Date.now());
    if (!next) return;
    const delay = next.at - Date.now();
    this.#dayTimer = setTimeout(() => {
      if (delay > LONGEST_TIMER_MS) this.#awaitNextDay();
      else this.add({ type: DOCUMENT_DAY, data: { day: next.day } });
    }, Math.max(0, Math.min(delay, LONGEST_TIMER_MS)));
    this.#dayTimer.unref(); // never what keeps the process running
  }

  async #drainLists() {
    await Promise.resolve();
    while (this.#touched.length > 0) {
      const touched = this.#touched.splice(0);
      try {
        await this.#publisher.lists(touched);
      } catch (error) {
        this.#log.error(`Lists not made (${error.message}): the whole site is made again.`);
        this.#touched.length = 0;
        await this.#rebuild(REBUILD_DELAY_MS, { listsRunning: true });
      }
    }
    this.#lists = null;
  }

  /** The whole site again, after `delayMs`; never while lists are being written from the catalogue it replaces. */
  async #rebuild(delayMs, { listsRunning = false } = {}) {
    for (;;) {
      await new Promise((resolve) => { setTimeout(resolve, delayMs); });
      if (!listsRunning) await this.#lists;
      try {
        await this.#publisher.build();
        this.#touched.length = 0; // the build made every list
        return;
      } catch (error) {
        this.#log.error(`Making the site again failed (${error.message}); trying again.`);
        delayMs = REBUILD_DELAY_MS;
      }
    }
  }
}
