import 'server-only';
import Stripe from 'stripe';
import { auth } from '@clerk/nextjs/server';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2024-06-20' });

/** Opens Stripe's customer portal for the signed-in user, straight from the settings page. */
export async function billingPortalUrl(returnUrl: string): Promise<string> {
  const { sessionClaims } = auth();
  const customer = String(sessionClaims?.stripe_customer_id ?? '');
  const session = await stripe.billingPortal.sessions.create({ customer, return_url: returnUrl });
  return session.url;
}
