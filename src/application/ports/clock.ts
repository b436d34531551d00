/** Tells the time; the only way the application reads the clock, so tests can fix it. */
export interface Clock {
  now(): Date;
}
