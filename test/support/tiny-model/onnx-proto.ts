/**
 * The subset of `onnx.proto` (ONNX IR, proto3 field numbers as published by the ONNX project) needed to write a small
 * inference graph, and an encoder for it. Enough for tests to generate real `.onnx` files that onnxruntime loads,
 * without Python or a download.
 */
import * as protobuf from 'protobufjs';

// Field numbers copied from onnx/onnx.proto3; only the fields the tiny model uses are declared.
const ONNX_PROTO = `
syntax = "proto3";
package onnx;

message AttributeProto {
  enum AttributeType { UNDEFINED = 0; FLOAT = 1; INT = 2; STRING = 3; TENSOR = 4; GRAPH = 5; FLOATS = 6; INTS = 7; }
  string name = 1;
  float f = 2;
  int64 i = 3;
  bytes s = 4;
  TensorProto t = 5;
  repeated float floats = 7;
  repeated int64 ints = 8;
  AttributeType type = 20;
}

message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  string name = 3;
  string op_type = 4;
  repeated AttributeProto attribute = 5;
  string domain = 7;
}

message TensorProto {
  repeated int64 dims = 1;
  int32 data_type = 2;
  repeated float float_data = 4;
  repeated int64 int64_data = 7;
  string name = 8;
  bytes raw_data = 9;
}

message TensorShapeProto {
  message Dimension {
    oneof value {
      int64 dim_value = 1;
      string dim_param = 2;
    }
  }
  repeated Dimension dim = 1;
}

message TypeProto {
  message Tensor {
    int32 elem_type = 1;
    TensorShapeProto shape = 2;
  }
  oneof value {
    Tensor tensor_type = 1;
  }
}

message ValueInfoProto {
  string name = 1;
  TypeProto type = 2;
}

message GraphProto {
  repeated NodeProto node = 1;
  string name = 2;
  repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}

message OperatorSetIdProto {
  string domain = 1;
  int64 version = 2;
}

message ModelProto {
  int64 ir_version = 1;
  string producer_name = 2;
  string producer_version = 3;
  GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
}
`;

/** `TensorProto.DataType` values used here. */
export const OnnxDataType = { FLOAT: 1, INT64: 7 } as const;

/** `AttributeProto.AttributeType` values used here. */
export const OnnxAttributeType = { FLOAT: 1, INT: 2, INTS: 7 } as const;

/** A constant tensor (initializer); `floats` are stored little-endian in `raw_data`. */
export interface OnnxTensor {
  name: string;
  dims: number[];
  dataType: (typeof OnnxDataType)[keyof typeof OnnxDataType];
  floats?: Float32Array;
  int64s?: number[];
}

/** One node attribute (only INT, INTS and FLOAT are needed). */
export interface OnnxAttribute {
  name: string;
  int?: number;
  ints?: number[];
  float?: number;
}

/** One operator of the graph. */
export interface OnnxNode {
  opType: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  attributes?: OnnxAttribute[];
}

/** A graph input or output: element type and shape, where a string is a named dynamic dimension. */
export interface OnnxValueInfo {
  name: string;
  elemType: (typeof OnnxDataType)[keyof typeof OnnxDataType];
  shape: Array<number | string>;
}

/** A whole model: one graph in the default domain. */
export interface OnnxModel {
  graphName: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  /** Default opset version. @defaultValue 14 */
  opset?: number;
  /** @defaultValue 8 */
  irVersion?: number;
}

let modelType: protobuf.Type | undefined;

function onnxModelType(): protobuf.Type {
  modelType ??= protobuf.parse(ONNX_PROTO, { keepCase: true }).root.lookupType('onnx.ModelProto');
  return modelType;
}

function tensorMessage(tensor: OnnxTensor): Record<string, unknown> {
  const message: Record<string, unknown> = { name: tensor.name, dims: tensor.dims, data_type: tensor.dataType };
  if (tensor.floats) {
    // ONNX raw_data is little-endian; copy so a view into a bigger buffer does not leak extra bytes.
    const bytes = new Uint8Array(tensor.floats.byteLength);
    const view = new DataView(bytes.buffer);
    tensor.floats.forEach((value, index) => view.setFloat32(index * 4, value, true));
    message.raw_data = bytes;
  }
  if (tensor.int64s) message.int64_data = tensor.int64s;
  return message;
}

function attributeMessage(attribute: OnnxAttribute): Record<string, unknown> {
  if (attribute.ints) return { name: attribute.name, type: OnnxAttributeType.INTS, ints: attribute.ints };
  if (attribute.float !== undefined) return { name: attribute.name, type: OnnxAttributeType.FLOAT, f: attribute.float };
  return { name: attribute.name, type: OnnxAttributeType.INT, i: attribute.int ?? 0 };
}

function valueInfoMessage(info: OnnxValueInfo): Record<string, unknown> {
  return {
    name: info.name,
    type: {
      tensor_type: {
        elem_type: info.elemType,
        shape: { dim: info.shape.map((dim) => (typeof dim === 'number' ? { dim_value: dim } : { dim_param: dim })) },
      },
    },
  };
}

/**
 * Encodes a model as ONNX protobuf bytes (what an `.onnx` file holds).
 *
 * @example
 * writeFileSync('model.onnx', encodeOnnxModel({ graphName: 'g', nodes, initializers, inputs, outputs }));
 */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const type = onnxModelType();
  const message = type.fromObject({
    ir_version: model.irVersion ?? 8,
    producer_name: 'polyglot-desk-tests',
    producer_version: '1',
    opset_import: [{ domain: '', version: model.opset ?? 14 }],
    graph: {
      name: model.graphName,
      node: model.nodes.map((node, index) => ({
        name: node.name ?? `${node.opType.toLowerCase()}_${index}`,
        op_type: node.opType,
        input: node.inputs,
        output: node.outputs,
        attribute: (node.attributes ?? []).map(attributeMessage),
      })),
      initializer: model.initializers.map(tensorMessage),
      input: model.inputs.map(valueInfoMessage),
      output: model.outputs.map(valueInfoMessage),
    },
  });
  return type.encode(message).finish();
}
