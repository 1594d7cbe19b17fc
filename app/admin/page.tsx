import { redirect } from 'next/navigation';
import { adminPaths } from '@/lib/staff/paths';
import { requireStaff } from '@/lib/staff/session';

export default async function AdminHome() {
  await requireStaff();
  redirect(adminPaths.messages);
}
