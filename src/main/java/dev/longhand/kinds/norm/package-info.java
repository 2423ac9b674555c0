/**
 * The {@code batch_norm} and {@code layer_norm} kinds: one arithmetic, normalizing each row
 * (batch norm) or each column (layer norm), then {@code γ·x̂ + β} per row.
 */
package dev.longhand.kinds.norm;
