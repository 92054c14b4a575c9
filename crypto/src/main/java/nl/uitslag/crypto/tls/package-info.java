/**
 * HTTPS on the local network: the installation's own certificate authority, which workstations trust once, and
 * the short-lived server certificate it issues at every start of the server.
 */
package nl.uitslag.crypto.tls;
