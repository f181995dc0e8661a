/**
 * The person an actor's name stands for, to compare two names: the web signs people in with
 * lower-case usernames, while the command line takes whatever was typed (`--by Li.Ming `), and a
 * four-eyes or independence check that told those apart would let one person pass as two.
 */
export function sameActor(a: string, b: string): boolean {
  return actorKey(a) === actorKey(b);
}

export function actorKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}
