package org.barcodeanomaly.lstm.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.barcodeanomaly.lstm.data.SequenceSet;
import org.barcodeanomaly.lstm.eval.EventScores;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training loop: seeded shuffling, minibatch fitting, validation after every epoch, and early
 * stopping on the validation macro ROC-AUC. The network ends with the weights of its best epoch.
 */
public final class LstmTrainer {

  private final TrainerSettings settings;
  private final ProgressBar progress;
  private final Consumer<EpochRecord> epochListener;

  /** A trainer reporting to {@code progress} and handing each finished epoch to {@code epochListener}. */
  public LstmTrainer(TrainerSettings settings, ProgressBar progress, Consumer<EpochRecord> epochListener) {
    this.settings = settings;
    this.progress = progress;
    this.epochListener = epochListener;
  }

  /** What a run produced. */
  public record Result(List<EpochRecord> history, int bestEpoch, double bestValidationMacroAuc,
      boolean stoppedEarly) {
  }

  /** Trains {@code network} on {@code train}, judging it on {@code validation}. */
  public Result train(ComputationGraph network, SequenceSet train, SequenceSet validation) {
    Random random = new Random(settings.seed());
    int[] order = Predictor.identity(train.count());
    int batches = settings.batchesPerEpoch(train.count());
    List<EpochRecord> history = new ArrayList<>();
    INDArray bestParams = network.params().dup();
    double best = Double.NEGATIVE_INFINITY;
    int bestEpoch = 0;
    double lastAuc = Double.NaN;
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      long started = System.nanoTime();
      shuffle(order, random);
      double lossSum = 0;
      for (int b = 0; b < batches; b++) {
        int from = b * settings.batchSize();
        network.fit(train.toDataSet(order, from, Math.min(train.count(), from + settings.batchSize())));
        lossSum += network.score();
        progress.update(epoch, b + 1, batches, lossSum / (b + 1), lastAuc);
      }
      EventScores scores = Predictor.scores(network, validation);
      lastAuc = scores.macroAuc();
      EpochRecord record = new EpochRecord(epoch, lossSum / batches, Predictor.loss(network, validation),
          lastAuc, scores.aucByType(), currentRate(network), (System.nanoTime() - started) / 1e9);
      history.add(record);
      epochListener.accept(record);
      progress.update(epoch, batches, batches, lossSum / batches, lastAuc);
      if (lastAuc > best || bestEpoch == 0) {
        best = lastAuc;
        bestEpoch = epoch;
        bestParams = network.params().dup();
      } else if (epoch - bestEpoch >= settings.patience()) {
        progress.finishLine();
        network.setParams(bestParams);
        return new Result(history, bestEpoch, best, true);
      }
    }
    progress.finishLine();
    network.setParams(bestParams);
    return new Result(history, bestEpoch, best, false);
  }

  private static double currentRate(ComputationGraph network) {
    return network.getLearningRate(LstmNetworkFactory.OUTPUT);
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }
}
