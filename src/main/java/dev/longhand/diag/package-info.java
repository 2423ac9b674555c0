/** Source positions and diagnostics, printed the way compilers print them: file:line:col: error: message. */
package dev.longhand.diag;
