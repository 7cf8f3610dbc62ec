package org.barcodeanomaly.gateway.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.barcodeanomaly.api.contract.ContractRequestReader;
import org.barcodeanomaly.api.contract.ContractResponseWriter;
import org.barcodeanomaly.gateway.config.GatewayConfig;
import org.barcodeanomaly.gateway.detector.DetectorRegistry;
import org.barcodeanomaly.gateway.log.AuditLog;
import org.barcodeanomaly.gateway.metrics.GatewayMetrics;
import org.barcodeanomaly.gateway.plugin.PluginManager;
import org.barcodeanomaly.gateway.routing.DetectorRouter;

/**
 * What the HTTP endpoints work with, built once per gateway and shared by every server
 * instance (all of it is thread-safe).
 *
 * @param vertx      the Vert.x instance
 * @param config     the configuration
 * @param registry   the detectors in service
 * @param plugins    the plugin manager
 * @param router     the detector router
 * @param metrics    the gateway's meters
 * @param prometheus the registry {@code /metrics} shows
 * @param reader     the contract request reader
 * @param writer     the contract response writer
 * @param audit      the audit log
 * @param connections the connection limits every server instance shares
 */
public record GatewayServices(Vertx vertx, GatewayConfig config, DetectorRegistry registry,
    PluginManager plugins, DetectorRouter router, GatewayMetrics metrics,
    PrometheusMeterRegistry prometheus, ContractRequestReader reader, ContractResponseWriter writer,
    AuditLog audit, ConnectionGuard connections) {
}
