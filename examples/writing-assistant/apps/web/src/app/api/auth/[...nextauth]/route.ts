import NextAuth from 'next-auth';
import GoogleProvider from 'next-auth/providers/google';

// Left from the prototype: Google sign-in for the web beta, before the extension moved to Clerk.
const handler = NextAuth({
  providers: [
    GoogleProvider({
      clientId: process.env.GOOGLE_CLIENT_ID ?? '',
      clientSecret: process.env.GOOGLE_CLIENT_SECRET ?? '',
    }),
  ],
  session: { strategy: 'jwt' },
});

export { handler as GET, handler as POST };
