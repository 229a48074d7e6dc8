import { zodResolver } from '@hookform/resolvers/zod';
import { config } from 'zod';

// Loaded by useActionForm once a form is on screen, with the form's schema: Zod (~30 KB
// compressed) is not part of any page's first load.

// Zod probes for eval (`new Function`) to compile fast parsers; the pages' Content-Security-Policy
// refuses eval, and the browser reports even a probe that fails quietly. Parse without it.
config({ jitless: true });

export { zodResolver };
