package org.barcodeanomaly.lstm.training;

import java.util.Map;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * What one training epoch achieved: one line of the per-epoch JSON log and one point of the
 * learning curves.
 *
 * @param epoch              1-based
 * @param trainLoss          mean focal loss of the epoch's minibatches
 * @param validationLoss     focal loss on the validation split
 * @param validationMacroAuc mean per-type ROC-AUC on the validation split
 * @param validationAuc      per-type ROC-AUC ({@code NaN} for a type without positives)
 * @param learningRate       learning rate at the end of the epoch
 * @param seconds            wall time of the epoch including validation
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss,
    double validationMacroAuc, Map<AnomalyType, Double> validationAuc, double learningRate,
    double seconds) {
}
