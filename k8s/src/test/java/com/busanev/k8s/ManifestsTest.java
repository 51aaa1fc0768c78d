package com.busanev.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay with {@code kubectl kustomize}, reads every object into a strict model (unknown
 * fields, missing required fields and wrong types fail) and checks that the objects refer to each other
 * correctly.
 */
class ManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Path REALM = Path.of("..", "local-stack", "src", "main", "resources", "realm", "ev-partnership-realm.json");

    /** The rendered objects of one overlay, typed. */
    private static final class Rendered {
        final List<V1Deployment> deployments = new ArrayList<>();
        final List<V1Service> services = new ArrayList<>();
        final List<V1ConfigMap> configMaps = new ArrayList<>();
        final List<V1ServiceAccount> serviceAccounts = new ArrayList<>();
        final List<V1PodDisruptionBudget> budgets = new ArrayList<>();
        final List<V2HorizontalPodAutoscaler> autoscalers = new ArrayList<>();
        final List<V1NetworkPolicy> networkPolicies = new ArrayList<>();
        final List<V1Ingress> ingresses = new ArrayList<>();
        final List<Kafka> kafkas = new ArrayList<>();
        final List<KafkaNodePool> nodePools = new ArrayList<>();
        final List<KafkaTopic> topics = new ArrayList<>();
        final List<KafkaUser> kafkaUsers = new ArrayList<>();
        final List<OperatorResources.Cluster> databases = new ArrayList<>();
        final List<OperatorResources.Keycloak> keycloaks = new ArrayList<>();
        final List<OperatorResources.KeycloakRealmImport> realmImports = new ArrayList<>();
    }

    /** The base's service manifests are the ones quarkus-kubernetes generates, not a hand-kept copy. */
    @ParameterizedTest
    @ValueSource(strings = {"order-service", "production-service", "logistics-service", "supplier-service"})
    void theBaseHoldsWhatQuarkusGeneratesForEachService(String service) throws IOException {
        Path generated = Path.of("..", service, "target", "kubernetes", "kubernetes.yml");
        assumeTrue(Files.exists(generated), generated + " is not built: build the service to compare its manifest");
        // In a working copy a service may have been built before the settings changed (the reactor build always
        // generates afresh): comparing with that would blame the committed copy for a stale build.
        for (Path setting : List.of(Path.of("..", "service-kit", "src", "main", "resources", "META-INF", "microprofile-config.properties"),
                Path.of("..", service, "src", "main", "resources", "application.properties"), Path.of("..", "pom.xml"))) {
            assumeTrue(Files.getLastModifiedTime(generated).compareTo(Files.getLastModifiedTime(setting)) >= 0,
                    generated + " is older than " + setting + ": build the service again to compare its manifest");
        }
        // Compared as objects: the generator does not keep the order of labels from one build to the next.
        assertThat(documents(Files.readString(Path.of("base", "services", service + ".yaml"))))
                .as("k8s/base/services/%s.yaml differs from the generated manifest: run k8s/sync-generated.sh", service)
                .isEqualTo(documents(Files.readString(generated)));
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        try (var parser = YAML.getFactory().createParser(yaml)) {
            return YAML.readValues(parser, JsonNode.class).readAll();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyOverlayRendersIntoValidObjectsThatReferToEachOther(String overlay) throws Exception {
        Rendered rendered = render(overlay);

        assertThat(rendered.deployments).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("order-service", "production-service", "logistics-service", "supplier-service");
        for (V1Deployment deployment : rendered.deployments) {
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(rendered.serviceAccounts).as("service account of %s", deployment.getMetadata().getName())
                    .filteredOn(a -> a.getMetadata().getName().equals(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()))
                    .singleElement().satisfies(account -> assertThat(account.getAutomountServiceAccountToken()).isFalse());
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("prometheus.io/scrape", "true");
            for (V1Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                assertThat(container.getImage()).as("image of %s", container.getName()).startsWith("ghcr.io/busan-ev/");
                assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
                assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
                assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
                container.getEnvFrom().forEach(from -> assertThat(names(rendered.configMaps))
                        .as("ConfigMap of %s", container.getName()).contains(from.getConfigMapRef().getName()));
                for (V1EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        assertThat(providedSecrets(rendered)).as("secret of %s", env.getName())
                                .contains(env.getValueFrom().getSecretKeyRef().getName());
                    }
                }
            }
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(overlay.equals("production") ? 2 : 1);
            if (overlay.equals("production")) {
                assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                        .as("replicas of %s spread over nodes", deployment.getMetadata().getName())
                        .singleElement().satisfies(spread -> assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
            }
        }

        for (V1Service service : rendered.services) {
            assertThat(rendered.deployments).as("pods selected by Service %s", service.getMetadata().getName())
                    .anyMatch(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                            .containsAll(service.getSpec().getSelector().entrySet()));
        }

        Set<String> topics = new HashSet<>();
        rendered.topics.forEach(t -> topics.add(t.getSpec().getTopicName()));
        for (V1Deployment deployment : rendered.deployments) {
            String service = deployment.getMetadata().getName();
            KafkaAccess access = KafkaAccess.of(service);
            assertThat(topics).as("KafkaTopics for the topics %s uses", service).containsAll(access.allTopics());
            assertThat(rendered.kafkaUsers).as("KafkaUser of %s", service).filteredOn(u -> u.getMetadata().getName().equals(service))
                    .singleElement().satisfies(user -> assertThat(grants(user)).as("ACLs of %s", service).isEqualTo(access.grants()));
            assertThat(secretReferences(deployment)).as("Kafka credentials of %s", service)
                    .contains(service, rendered.kafkas.get(0).getMetadata().getName() + "-cluster-ca-cert");
        }
        for (V1ConfigMap config : rendered.configMaps) {
            Map<String, String> data = config.getData();
            assertThat(data.get("KAFKA_BOOTSTRAP_SERVERS")).startsWith(rendered.kafkas.get(0).getMetadata().getName() + "-kafka-bootstrap:");
            String database = data.get("QUARKUS_DATASOURCE_JDBC_URL").replaceAll(".*//([^:]+)-rw:.*", "$1");
            assertThat(rendered.databases).extracting(c -> c.metadata().name()).contains(database);
            // The Service the Keycloak operator creates for the Keycloak in the manifests (<name>-service, HTTP 8080).
            assertThat(data.get("QUARKUS_OIDC_AUTH_SERVER_URL")).isEqualTo("http://%s-service:8080/realms/ev-partnership",
                    rendered.keycloaks.get(0).metadata().name());
        }
        assertThat(rendered.topics).allSatisfy(t -> assertThat(t.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", rendered.kafkas.get(0).getMetadata().getName()));
        assertThat(rendered.nodePools).allSatisfy(p -> assertThat(p.getSpec().getRoles())
                .contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER));

        assertThat(rendered.realmImports).singleElement().satisfies(realmImport -> {
            assertThat(realmImport.spec().keycloakCRName()).isIn(rendered.keycloaks.stream().map(k -> k.metadata().name()).toList());
            assertThat(realmImport.spec().realm()).as("the realm the local run imports").isEqualTo(STRICT.readTree(REALM.toFile()));
        });
        rendered.keycloaks.forEach(k -> assertThat(providedSecrets(rendered)).contains(k.spec().db().usernameSecret().name()));

        for (V2HorizontalPodAutoscaler autoscaler : rendered.autoscalers) {
            assertThat(names(rendered.deployments)).contains(autoscaler.getSpec().getScaleTargetRef().getName());
            assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        }
        for (V1PodDisruptionBudget budget : rendered.budgets) {
            assertThat(selectsADeployment(rendered, budget.getSpec().getSelector().getMatchLabels())).isTrue();
        }
        for (V1NetworkPolicy policy : rendered.networkPolicies) {
            assertThat(selectsADeployment(rendered, policy.getSpec().getPodSelector().getMatchLabels())).isTrue();
            assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress", "Egress");
            // Of the databases, a service reaches only its own: the one its datasource URL names.
            String service = policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
            String ownDatabase = rendered.configMaps.stream().filter(c -> c.getMetadata().getName().equals(service + "-config"))
                    .map(c -> c.getData().get("QUARKUS_DATASOURCE_JDBC_URL").replaceAll(".*//([^:]+)-rw:.*", "$1"))
                    .findFirst().orElseThrow();
            assertThat(policy.getSpec().getEgress()).flatExtracting(rule -> rule.getTo() == null ? List.of() : rule.getTo())
                    .filteredOn(peer -> peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels() != null
                            && peer.getPodSelector().getMatchLabels().containsKey("cnpg.io/cluster"))
                    .extracting(peer -> peer.getPodSelector().getMatchLabels().get("cnpg.io/cluster"))
                    .as("databases %s may reach", service).containsExactly(ownDatabase);
        }
        for (V1Ingress ingress : rendered.ingresses) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path ->
                    assertThat(names(rendered.services)).contains(path.getBackend().getService().getName())));
        }
        if (overlay.equals("production")) {
            assertThat(rendered.budgets).hasSize(4);
            assertThat(rendered.autoscalers).hasSize(4);
            assertThat(rendered.networkPolicies).hasSize(4);
            assertThat(rendered.databases).allSatisfy(c -> assertThat(c.spec().instances()).isEqualTo(3));
        }
    }

    /** The JVM component (k8s/components/jvm) on the local overlay: JVM images, sized for a JVM. */
    @Test
    void theJvmComponentRunsJvmImagesWithJvmSizedResources() throws Exception {
        Rendered rendered = render(Path.of("src", "test", "resources", "jvm-local"));

        assertThat(rendered.deployments).hasSize(4).allSatisfy(deployment -> {
            V1Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).endsWith("-jvm");
            assertThat(container.getResources().getLimits().get("memory").getNumber())
                    .isGreaterThanOrEqualTo(BigDecimal.valueOf(512L * 1024 * 1024));
        });
    }

    private static Rendered render(String overlay) throws IOException, InterruptedException {
        return render(Path.of("overlays", overlay));
    }

    private static Rendered render(Path kustomization) throws IOException, InterruptedException {
        assumeTrue(kubectlAvailable(), "kubectl (with Kustomize) is not installed: the overlays were not rendered");
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                .redirectErrorStream(true).start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor()).as("kubectl kustomize %s:%n%s", kustomization, output).isZero();

        Rendered rendered = new Rendered();
        try (var parser = YAML.getFactory().createParser(output)) {
            for (JsonNode object : YAML.readValues(parser, JsonNode.class).readAll()) {
                read(object, rendered);
            }
        }
        return rendered;
    }

    /** Reads one object into its strict model; an unknown kind is an error too. */
    private static void read(JsonNode object, Rendered rendered) throws IOException {
        String json = object.toString();
        String kind = object.get("kind").asText();
        switch (kind) {
            case "Namespace" -> V1Namespace.fromJson(json);
            case "ServiceAccount" -> rendered.serviceAccounts.add(V1ServiceAccount.fromJson(json));
            case "ConfigMap" -> rendered.configMaps.add(V1ConfigMap.fromJson(json));
            case "Service" -> rendered.services.add(V1Service.fromJson(json));
            case "Deployment" -> rendered.deployments.add(V1Deployment.fromJson(json));
            case "PodDisruptionBudget" -> rendered.budgets.add(V1PodDisruptionBudget.fromJson(json));
            case "HorizontalPodAutoscaler" -> rendered.autoscalers.add(V2HorizontalPodAutoscaler.fromJson(json));
            case "NetworkPolicy" -> rendered.networkPolicies.add(V1NetworkPolicy.fromJson(json));
            case "Ingress" -> rendered.ingresses.add(V1Ingress.fromJson(json));
            case "Kafka" -> rendered.kafkas.add(strimzi(object, Kafka.class));
            case "KafkaNodePool" -> rendered.nodePools.add(strimzi(object, KafkaNodePool.class));
            case "KafkaTopic" -> rendered.topics.add(strimzi(object, KafkaTopic.class));
            case "KafkaUser" -> rendered.kafkaUsers.add(strimzi(object, KafkaUser.class));
            case "Cluster" -> rendered.databases.add(STRICT.treeToValue(object, OperatorResources.Cluster.class));
            case "Keycloak" -> rendered.keycloaks.add(STRICT.treeToValue(object, OperatorResources.Keycloak.class));
            case "KeycloakRealmImport" -> rendered.realmImports.add(STRICT.treeToValue(object, OperatorResources.KeycloakRealmImport.class));
            default -> throw new AssertionError("no model for kind " + kind + ": add one before adding the object");
        }
    }

    /**
     * Reads a Strimzi resource into Strimzi's own API model. Those models keep fields they do not know in
     * {@code additionalProperties} instead of failing, so every nested model's must be empty.
     */
    private static <T> T strimzi(JsonNode object, Class<T> type) throws IOException {
        T model = JsonMapper.builder().build().treeToValue(object, type);
        assertNoUnknownFields(model, type.getSimpleName(), 0);
        return model;
    }

    private static void assertNoUnknownFields(Object model, String path, int depth) {
        if (model == null || depth > 12) {
            return;
        }
        if (model instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                assertNoUnknownFields(item, path + "[" + i++ + "]", depth + 1);
            }
            return;
        }
        String pkg = model.getClass().getPackageName();
        if (!pkg.startsWith("io.strimzi") && !pkg.startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : model.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(model);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                assertThat((Map<?, ?>) value).as("fields the %s model does not know at %s", pkg, path).isNullOrEmpty();
            } else if (!(value instanceof Map<?, ?>)) {
                assertNoUnknownFields(value, path + "." + getter.getName(), depth + 1);
            }
        }
    }

    /**
     * What a service does with Kafka, read from its own configuration: the topics of its incoming channels (the
     * channel name unless it sets a topic), its dead-letter topic and consumer group (the kit's defaults: the
     * application name), and the one topic it produces (event-contract's Topics: {@code <x>-service} writes
     * {@code <x>-events} through its outbox).
     */
    private record KafkaAccess(String service, Set<String> consumed) {
        static KafkaAccess of(String service) throws IOException {
            Properties config = new Properties();
            try (var in = Files.newBufferedReader(Path.of("..", service, "src", "main", "resources", "application.properties"))) {
                config.load(in);
            }
            Set<String> consumed = new HashSet<>();
            for (String key : config.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".connector")) {
                    String channel = key.substring("mp.messaging.incoming.".length(), key.length() - ".connector".length());
                    consumed.add(config.getProperty("mp.messaging.incoming." + channel + ".topic", channel));
                }
            }
            assertThat(consumed).as("topics %s follows", service).isNotEmpty();
            return new KafkaAccess(service, consumed);
        }

        String produced() {
            return service.replace("-service", "-events");
        }

        Set<String> allTopics() {
            Set<String> all = new HashSet<>(consumed);
            all.add(produced());
            all.add(service + ".dlq");
            return all;
        }

        /** Exactly the grants it needs, as "type:name:operation". */
        Set<String> grants() {
            Set<String> grants = new HashSet<>();
            for (String topic : List.of(produced(), service + ".dlq")) {
                grants.add("topic:" + topic + ":Describe");
                grants.add("topic:" + topic + ":Write");
            }
            consumed.forEach(topic -> {
                grants.add("topic:" + topic + ":Describe");
                grants.add("topic:" + topic + ":Read");
            });
            grants.add("group:" + service + ":Read");
            return grants;
        }
    }

    private static Set<String> grants(KafkaUser user) {
        Set<String> grants = new HashSet<>();
        ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls().forEach(rule -> {
            String resource = rule.getResource() instanceof AclRuleTopicResource topic ? "topic:" + topic.getName()
                    : rule.getResource() instanceof AclRuleGroupResource group ? "group:" + group.getName()
                    : rule.getResource().getType() + ":" + rule.getResource();
            for (AclOperation operation : rule.getOperations()) {
                grants.add(resource + ":" + operation.toValue());
            }
        });
        return grants;
    }

    private static Set<String> secretReferences(V1Deployment deployment) {
        Set<String> secrets = new HashSet<>();
        deployment.getSpec().getTemplate().getSpec().getContainers().forEach(c -> c.getEnv().stream()
                .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                .forEach(env -> secrets.add(env.getValueFrom().getSecretKeyRef().getName())));
        return secrets;
    }

    /**
     * Secrets that exist once applied: the ones CloudNativePG creates for each cluster ({@code <cluster>-app}) and
     * Strimzi for each KafkaUser (its name) and for the cluster CA ({@code <kafka>-cluster-ca-cert}).
     */
    private static Set<String> providedSecrets(Rendered rendered) {
        Set<String> secrets = new HashSet<>();
        rendered.databases.forEach(c -> secrets.add(c.metadata().name() + "-app"));
        rendered.kafkaUsers.forEach(u -> secrets.add(u.getMetadata().getName()));
        rendered.kafkas.forEach(k -> secrets.add(k.getMetadata().getName() + "-cluster-ca-cert"));
        return secrets;
    }

    private static boolean selectsADeployment(Rendered rendered, Map<String, String> selector) {
        return rendered.deployments.stream().anyMatch(d -> d.getSpec().getTemplate().getMetadata().getLabels()
                .entrySet().containsAll(selector.entrySet()));
    }

    private static List<String> names(List<?> objects) {
        return objects.stream().map(o -> {
            if (o instanceof V1Deployment d) {
                return d.getMetadata().getName();
            }
            if (o instanceof V1Service s) {
                return s.getMetadata().getName();
            }
            if (o instanceof V1ConfigMap c) {
                return c.getMetadata().getName();
            }
            return ((V1ServiceAccount) o).getMetadata().getName();
        }).toList();
    }

    private static boolean kubectlAvailable() {
        try {
            Process version = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
