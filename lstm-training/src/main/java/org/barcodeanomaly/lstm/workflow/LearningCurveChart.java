package org.barcodeanomaly.lstm.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.barcodeanomaly.lstm.training.EpochRecord;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the learning curves of a training run as a PNG: training and validation loss above,
 * validation macro ROC-AUC below, both against the epoch.
 */
final class LearningCurveChart {

  private LearningCurveChart() {
  }

  /** Writes the curves of {@code history} to {@code file} (800 × 600). */
  static void write(List<EpochRecord> history, Path file) throws IOException {
    XYSeries trainLoss = new XYSeries("training loss");
    XYSeries validationLoss = new XYSeries("validation loss");
    XYSeries validationAuc = new XYSeries("validation macro AUC");
    for (EpochRecord record : history) {
      trainLoss.add(record.epoch(), record.trainLoss());
      validationLoss.add(record.epoch(), record.validationLoss());
      if (Double.isFinite(record.validationMacroAuc())) {
        validationAuc.add(record.epoch(), record.validationMacroAuc());
      }
    }
    XYSeriesCollection losses = new XYSeriesCollection();
    losses.addSeries(trainLoss);
    losses.addSeries(validationLoss);
    NumberAxis lossAxis = new NumberAxis("focal loss");
    lossAxis.setAutoRangeIncludesZero(false);
    NumberAxis aucAxis = new NumberAxis("ROC-AUC");
    aucAxis.setAutoRangeIncludesZero(false);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("epoch"));
    plot.add(new XYPlot(losses, null, lossAxis, new XYLineAndShapeRenderer(true, true)), 2);
    plot.add(new XYPlot(new XYSeriesCollection(validationAuc), null, aucAxis,
        new XYLineAndShapeRenderer(true, true)), 1);
    JFreeChart chart = new JFreeChart("LSTM learning curves", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 600);
  }
}
