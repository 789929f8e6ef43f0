import { Observable } from 'rxjs';

/** Test handlers' streamed answer: `{ chunk: 0 }`, `{ chunk: 1 }`, … `count` values, one every `everyMs`. */
export function chunkStream(count: number, everyMs: number): Observable<{ chunk: number }> {
  return new Observable((subscriber) => {
    let i = 0;
    const timer = setInterval(() => {
      subscriber.next({ chunk: i++ });
      if (i === count) {
        clearInterval(timer);
        subscriber.complete();
      }
    }, everyMs);
    return () => clearInterval(timer);
  });
}
