package com.busanev.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Strict shapes of the operator resources this repository uses (Strimzi, CloudNativePG, Keycloak operator),
 * written from their CRD schemas for the fields used here: read with FAIL_ON_UNKNOWN_PROPERTIES, a misspelt
 * or misplaced field fails. Neither CloudNativePG nor the Keycloak operator publish Java models on Maven
 * Central that load offline without their operator runtime; see docs/deploy.md.
 */
final class OperatorResources {
    private OperatorResources() {
    }

    record Meta(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    record Kafka(String apiVersion, String kind, Meta metadata, KafkaSpec spec) {
    }

    record KafkaSpec(KafkaCluster kafka, EntityOperator entityOperator) {
    }

    record KafkaCluster(String version, String metadataVersion, List<Listener> listeners, Map<String, Object> config) {
    }

    record Listener(String name, int port, String type, boolean tls) {
    }

    record EntityOperator(Map<String, Object> topicOperator, Map<String, Object> userOperator) {
    }

    record KafkaNodePool(String apiVersion, String kind, Meta metadata, NodePoolSpec spec) {
    }

    record NodePoolSpec(int replicas, List<String> roles, Storage storage) {
    }

    record Storage(String type, String size, Boolean deleteClaim) {
    }

    record KafkaTopic(String apiVersion, String kind, Meta metadata, TopicSpec spec) {
    }

    record TopicSpec(String topicName, int partitions, int replicas, Map<String, String> config) {
    }

    record Cluster(String apiVersion, String kind, Meta metadata, ClusterSpec spec) {
    }

    record ClusterSpec(int instances, String imageName, ClusterStorage storage, Bootstrap bootstrap) {
    }

    record ClusterStorage(String size) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner) {
    }

    record Keycloak(String apiVersion, String kind, Meta metadata, KeycloakSpec spec) {
    }

    record KeycloakSpec(int instances, KeycloakDb db, Http http, Hostname hostname, Proxy proxy) {
    }

    record KeycloakDb(String vendor, String host, String database, SecretKey usernameSecret, SecretKey passwordSecret) {
    }

    record SecretKey(String name, String key) {
    }

    record Http(boolean httpEnabled) {
    }

    record Hostname(String hostname, boolean strict) {
    }

    record Proxy(String headers) {
    }

    record KeycloakRealmImport(String apiVersion, String kind, Meta metadata, RealmImportSpec spec) {
    }

    record RealmImportSpec(@JsonProperty("keycloakCRName") String keycloakCRName, JsonNode realm) {
    }
}
