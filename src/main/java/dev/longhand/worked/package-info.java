/** How numbers appear on a worksheet: display formatting, written-out sums and which values ReLU clamped. */
package dev.longhand.worked;
