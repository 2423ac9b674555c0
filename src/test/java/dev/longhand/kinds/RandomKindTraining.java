package dev.longhand.kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random network blocks of every kind ({@link RandomKindNetworks#KINDS}) that train: a
 * {@code target} of the output's shape (one list per sample, like {@code input}), {@code steps}
 * from 1 to 3, a learning rate, and the loss: {@code mse}, or {@code cross_entropy} after a final
 * softmax (of a dense layer, or an activation layer once that kind is drawn) with a target of
 * probabilities.
 */
public final class RandomKindTraining {

    private RandomKindTraining() {
    }

    /**
     * {@code layers} random layers of any kind on {@code features} × {@code tokens} input; half
     * the blocks end in a dense softmax layer and train with cross entropy.
     */
    public static Map<String, Object> network(Random random, int features, int tokens, int layers) {
        RandomKindNetworks.tokens = tokens;
        List<List<Double>> samples = RandomKindNetworks.matrix(random, tokens, features);
        List<Map<String, Object>> list = new ArrayList<>();
        int rows = features;
        for (int i = 0; i < layers; i++) {
            RandomKindNetworks.Layer layer = RandomKindNetworks.any(random, rows, true);
            list.add(layer.data());
            rows = layer.rows();
        }
        boolean crossEntropy = random.nextBoolean();
        if (crossEntropy) {
            RandomKindNetworks.Layer out = RandomKindNetworks.dense(random, rows, 2 + random.nextInt(2));
            // With the activation kind, the softmax is sometimes a layer of its own after a linear one.
            boolean own = RandomKindNetworks.KINDS.containsKey("activation") && random.nextBoolean();
            out.data().put("activation", own ? "linear" : "softmax");
            list.add(out.data());
            if (own) {
                Map<String, Object> softmax = new LinkedHashMap<>();
                softmax.put("type", "activation");
                softmax.put("activation", "softmax");
                list.add(softmax);
            }
            rows = out.rows();
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("input", samples);
        block.put("layers", list);
        block.put("target", crossEntropy ? probabilities(random, tokens, rows) : RandomKindNetworks.matrix(random, tokens, rows));
        block.put("loss", crossEntropy ? "cross_entropy" : "mse");
        block.put("learning_rate", (1 + random.nextInt(20)) / 100.0);
        block.put("steps", 1 + random.nextInt(3));
        return block;
    }

    /**
     * A block whose matrices are elided on the page (more than 10 rows and columns): 12 features,
     * a residual around a 12 × 12 ReLU layer, then 11 softmax units trained with cross entropy.
     */
    public static Map<String, Object> large(Random random) {
        RandomKindNetworks.tokens = 2;
        Map<String, Object> inner = RandomKindNetworks.dense(random, 12, 12).data();
        inner.put("activation", "relu");
        Map<String, Object> residual = new LinkedHashMap<>();
        residual.put("type", "residual");
        residual.put("layers", List.of(inner));
        Map<String, Object> out = RandomKindNetworks.dense(random, 12, 11).data();
        out.put("activation", "softmax");
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("input", RandomKindNetworks.matrix(random, 2, 12));
        block.put("layers", List.of(residual, out));
        block.put("target", probabilities(random, 2, 11));
        block.put("loss", "cross_entropy");
        block.put("steps", 1);
        return block;
    }

    /** One list per sample of non-negative numbers summing to 1: a one-hot class or a soft label. */
    static List<List<Double>> probabilities(Random random, int samples, int units) {
        List<List<Double>> target = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            List<Double> t = new ArrayList<>();
            int hot = random.nextInt(units);
            boolean soft = random.nextBoolean();
            for (int u = 0; u < units; u++) {
                t.add(soft ? (u == hot ? 0.5 : 0.5 / (units - 1)) : (u == hot ? 1.0 : 0.0));
            }
            target.add(t);
        }
        return target;
    }
}
