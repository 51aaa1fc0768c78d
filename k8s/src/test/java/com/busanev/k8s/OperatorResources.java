package com.busanev.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Strict shapes of the CloudNativePG, Keycloak and Prometheus operator resources this repository uses, written from
 * their CRD schemas for the fields used here: read with FAIL_ON_UNKNOWN_PROPERTIES, a misspelt or misplaced field
 * fails. None of these projects publishes Java models on Maven Central that load without its operator runtime
 * (fabric8's Prometheus models accept unknown fields; Strimzi's are read with io.strimzi:api); see docs/deploy.md.
 */
final class OperatorResources {
    private OperatorResources() {
    }

    record Meta(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    record Cluster(String apiVersion, String kind, Meta metadata, ClusterSpec spec) {
    }

    record ClusterSpec(int instances, String imageName, ClusterStorage storage, ClusterStorage walStorage,
            ClusterPostgresql postgresql, Bootstrap bootstrap) {
    }

    record ClusterPostgresql(Map<String, String> parameters) {
    }

    record ClusterStorage(String size) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner) {
    }

    record Keycloak(String apiVersion, String kind, Meta metadata, KeycloakSpec spec) {
    }

    record KeycloakSpec(int instances, KeycloakDb db, Http http, Hostname hostname, Proxy proxy, Ingress ingress,
            Unsupported unsupported) {
    }

    record KeycloakDb(String vendor, String host, String database, SecretKey usernameSecret, SecretKey passwordSecret) {
    }

    record SecretKey(String name, String key) {
    }

    record Http(boolean httpEnabled) {
    }

    record Hostname(String hostname, boolean backchannelDynamic) {
    }

    record Proxy(String headers) {
    }

    /** The Ingress the operator creates for Keycloak (host from {@code hostname}, TLS from {@code tlsSecret}). */
    record Ingress(boolean enabled, String className, String tlsSecret, Map<String, String> annotations) {
    }

    /** The operator's starting point for Keycloak's pods; ManifestsTest reads it with the strict Kubernetes model. */
    record Unsupported(JsonNode podTemplate) {
    }

    record KeycloakRealmImport(String apiVersion, String kind, Meta metadata, RealmImportSpec spec) {
    }

    record RealmImportSpec(@JsonProperty("keycloakCRName") String keycloakCRName, JsonNode realm,
            Map<String, Placeholder> placeholders) {
    }

    /** A {@code ${NAME}} in the realm that the import replaces with a Secret's value. */
    record Placeholder(SecretKey secret) {
    }

    /** Prometheus operator: which pods Prometheus scrapes, on which port (by name) and path. */
    record PodMonitor(String apiVersion, String kind, Meta metadata, PodMonitorSpec spec) {
    }

    record PodMonitorSpec(LabelSelector selector, List<PodMetricsEndpoint> podMetricsEndpoints) {
    }

    record LabelSelector(Map<String, String> matchLabels) {
    }

    record PodMetricsEndpoint(String port, String path, String interval) {
    }

    /** Prometheus operator: alerting rules, in groups. */
    record PrometheusRule(String apiVersion, String kind, Meta metadata, PrometheusRuleSpec spec) {
    }

    record PrometheusRuleSpec(List<RuleGroup> groups) {
    }

    record RuleGroup(String name, String interval, List<Rule> rules) {
    }

    /** An alert; {@code for} is how long the expression must hold before it fires. */
    record Rule(String alert, String expr, @JsonProperty("for") String pendingFor, Map<String, String> labels,
            Map<String, String> annotations) {
    }
}
