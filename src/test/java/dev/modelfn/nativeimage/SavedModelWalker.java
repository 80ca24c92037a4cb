package dev.modelfn.nativeimage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.protos.core.ModelProto;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.oracle.labs.mlrg.olcut.config.protobuf.protos.ObjectProvenanceProto;
import com.oracle.labs.mlrg.olcut.config.protobuf.protos.RootProvenanceProto;
import com.oracle.labs.mlrg.olcut.config.protobuf.protos.SimpleProvenanceProto;
import com.oracle.labs.mlrg.olcut.provenance.impl.SkeletalConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.EnumProvenance;

/**
 * Reads a saved Tribuo model ({@code model.tribuo}) and lists every class that loading it, and
 * training and saving a model like it, resolves by reflection: the classes its protos name by
 * {@code class_name}, the generated messages Tribuo reads through protobuf's reflective accessors
 * (those holding a {@code class_name} and those packed in {@code Any}), and every class named in its
 * provenance.
 */
final class SavedModelWalker {

    private final ProtoMessageClasses protos;
    private final ReflectionNeeds needs = new ReflectionNeeds();
    private final ClassRules rules = new ClassRules(needs);
    private final Map<Class<? extends Message>, Descriptor> accessed = new HashMap<>();

    private SavedModelWalker(ProtoMessageClasses protos) {
        this.protos = protos;
    }

    static ReflectionNeeds needsOf(byte[] modelBytes, ProtoMessageClasses protos) {
        SavedModelWalker walker = new SavedModelWalker(protos);
        try {
            walker.walk(ModelProto.parseFrom(modelBytes));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Not a Tribuo protobuf model", e);
        }
        walker.builderFactories();
        return walker.needs;
    }

    private void walk(Message message) {
        if (message instanceof RootProvenanceProto provenance) {
            provenance(provenance);
            return;
        }
        FieldDescriptor className = message.getDescriptorForType().findFieldByName("class_name");
        if (className != null && className.getJavaType() == FieldDescriptor.JavaType.STRING) {
            rules.deserializer((String) message.getField(className));
            accessors(message.getClass());
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            List<?> values = field.getKey().isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
            for (Object value : values) {
                walk(value instanceof Any any ? unpack(any) : (Message) value);
            }
        }
    }

    private Message unpack(Any any) {
        Class<? extends Message> type = protos.forTypeUrl(any.getTypeUrl());
        accessors(type);
        try {
            return any.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Cannot unpack " + any.getTypeUrl(), e);
        }
    }

    /** Protobuf builds a message's field accessor table from its public methods and its Builder's. */
    private void accessors(Class<? extends Message> type) {
        needs.type(type.getName()).allPublicMethods = true;
        needs.type(type.getName() + "$Builder").allPublicMethods = true;
        accessed.put(type, ProtoMessageClasses.descriptorOf(type));
    }

    /**
     * The accessor table also looks up {@code newBuilder()} on the type of every message field of
     * those messages; types already fully registered need nothing more.
     */
    private void builderFactories() {
        for (Descriptor descriptor : new ArrayList<>(accessed.values())) {
            for (FieldDescriptor field : descriptor.getFields()) {
                if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
                    throw new IllegalStateException(descriptor.getFullName() + "." + field.getName()
                            + " is an enum field; teach SavedModelWalker what protobuf looks up for enums");
                }
                if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField()) {
                    Class<? extends Message> type = protos.forFullName(field.getMessageType().getFullName());
                    if (!accessed.containsKey(type)) {
                        needs.type(type.getName()).methods.add(ReflectionEntry.signature("newBuilder"));
                    }
                }
            }
        }
    }

    private void provenance(RootProvenanceProto root) {
        for (ObjectProvenanceProto object : root.getOmpList()) {
            rules.provenance(object.getProvenanceClassName());
            if (isConfiguredObjectProvenance(object.getProvenanceClassName())) {
                rules.configurable(object.getObjectClassName());
            }
        }
        for (SimpleProvenanceProto simple : root.getSmpList()) {
            rules.provenance(simple.getProvenanceClassName());
            if (simple.getProvenanceClassName().equals(EnumProvenance.class.getName())) {
                rules.enumType(simple.getAdditional());
            }
        }
    }

    private static boolean isConfiguredObjectProvenance(String className) {
        try {
            return SkeletalConfiguredObjectProvenance.class.isAssignableFrom(Class.forName(className));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not on the class path", e);
        }
    }
}
