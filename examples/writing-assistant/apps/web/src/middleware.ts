import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server';

const isPublic = createRouteMatcher(['/sign-in(.*)', '/sign-up(.*)', '/api/auth(.*)']);

export default clerkMiddleware((auth, request) => {
  if (!isPublic(request)) {
    auth().protect();
  }
});

export const config = { matcher: ['/((?!_next|.*\\..*).*)'] };
