/**
 * The {@code attention} layer kind: self-attention over the tokens (columns) of its input, with
 * scored heads ({@link dev.longhand.kinds.attention.SelfAttention}) or a given pattern of
 * weights ({@link dev.longhand.kinds.attention.GivenWeightsAttention}); pure computation,
 * mirrored bit for bit by {@code templates/assets/longhand-attention.js}.
 */
package dev.longhand.kinds.attention;
